using System.Diagnostics;
using System.Net.Http.Json;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Wire;
using HealthGrid.LoadTests.Measure;
using HealthGrid.LoadTests.Workloads;

namespace HealthGrid.LoadTests.Scenarios;

/// <summary>
/// A continuity run at scale: imports customers depending on a site of the run's own, saves a
/// scenario taking that site down (with an overlapping degraded stretch), runs it, and times the run
/// from the request to its completion as the server reports it and as the client sees it, with the
/// server's memory before and after and the time to export every customer as CSV.
/// </summary>
public static class ContinuityRunScenario
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    public static async Task<int> RunAsync(Uri server, Credentials credentials, int customers, int chunk, double maxSeconds, TextWriter output)
    {
        using var http = credentials.Http(server, timeout: TimeSpan.FromMinutes(10));
        var run = $"cont{DateTimeOffset.UtcNow:HHmmss}";
        var site = $"{run}-site";
        var importSeconds = await BulkCustomers.ImportAsync(http, run, customers, chunk,
            $$"""[{"type":"site","id":"{{site}}","recoveryHours":4,"degradedTolerancePercent":30},{"type":"supplier","id":"{{run}}-carrier","recoveryHours":24}]""",
            output, i => i % 10 == 0 ? "critical" : "medium");
        output.WriteLine($"continuity: {customers:N0} customers depending on {site} imported in {importSeconds:0} s");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var before = await ServerMemory.ReadAsync(http);

        using var created = await http.PostAsJsonAsync("/api/v1/continuity/scenarios", new
        {
            name = $"{site} down 12 h, then degraded",
            disruptions = new object[]
            {
                new { nodes = new[] { new { type = "site", id = site } }, durationHours = 12 },
                new { nodes = new[] { new { type = "site", id = site } }, offsetHours = 10, durationHours = 6, mode = "degraded", degradedPercent = 50 },
            },
        }, Tenant.Json);
        created.EnsureSuccessStatusCode();
        var scenario = (await created.Content.ReadFromJsonAsync<ContinuityScenario>(Tenant.Json))!;

        var started = Stopwatch.GetTimestamp();
        using var runResponse = await http.PostAsync($"/api/v1/continuity/scenarios/{scenario.Id}/runs", null);
        runResponse.EnsureSuccessStatusCode();
        var runId = (await runResponse.Content.ReadFromJsonAsync<ContinuityRun>(Tenant.Json))!.Id;
        ContinuityRun result;
        while ((result = (await http.GetFromJsonAsync<ContinuityRun>($"/api/v1/continuity/runs/{runId}", Tenant.Json))!).Status == RunStatus.Running)
        {
            await Task.Delay(Poll);
        }

        var clientSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var after = await ServerMemory.ReadAsync(http);
        var exportStarted = Stopwatch.GetTimestamp();
        var rows = 0;
        await using (var csv = await http.GetStreamAsync($"/api/v1/continuity/runs/{runId}/customers.csv"))
        using (var reader = new StreamReader(csv))
        {
            while (await reader.ReadLineAsync() is not null)
            {
                rows++;
            }
        }

        var serverSeconds = (result.ElapsedMilliseconds ?? 0) / 1000;
        output.WriteLine($"run: {EnumNames<RunStatus>.Name(result.Status)}, {result.AffectedCustomers:N0} of {result.Candidates:N0} candidates affected, {result.CustomersBreaching:N0} breaching ({result.CriticalCustomersBreaching:N0} critical), revenue at risk {result.RevenueAtRisk:N0}");
        output.WriteLine($"time: {serverSeconds:0.00} s from request to stored result (server), {clientSeconds:0.00} s until the client read it completed; {result.AffectedCustomers / Math.Max(0.001, serverSeconds):N0} customers/s");
        output.WriteLine($"memory: GC heap {ServerMemory.Mb(before.Heap)} → {ServerMemory.Mb(after.Heap)} MB ({(after.Heap - before.Heap) / Math.Max(1, result.AffectedCustomers):N0} B per affected customer kept with the result), working set {ServerMemory.Mb(before.WorkingSet)} → {ServerMemory.Mb(after.WorkingSet)} MB");
        output.WriteLine($"export: {rows - 1:N0} customers as CSV in {Stopwatch.GetElapsedTime(exportStarted).TotalSeconds:0.00} s");
        var passed = result.Status == RunStatus.Completed && result.AffectedCustomers == customers && rows - 1 == customers && serverSeconds < maxSeconds;
        output.WriteLine(passed ? $"PASS: completed under {maxSeconds:0.#} s" : $"FAIL: expected {customers:N0} customers completed under {maxSeconds:0.#} s");
        return passed ? 0 : 1;
    }
}
