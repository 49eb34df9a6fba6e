using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HealthGrid.LoadTests.Measure;

namespace HealthGrid.LoadTests.Scenarios;

/// <summary>
/// Memory at scale: imports (and so activates) many customers on the server, reads its own metrics
/// before and after (active customer grains, GC heap, working set), reports the memory per
/// customer, then checks the server still answers: reads and single events, timed.
/// </summary>
public static partial class ActivationScenario
{
    public static async Task<int> RunAsync(Uri server, Credentials credentials, int customers, int chunk, int probes, TextWriter output)
    {
        using var http = credentials.Http(server, timeout: TimeSpan.FromMinutes(10));
        var before = await ReadAsync(http);
        var run = $"mem{DateTimeOffset.UtcNow:HHmmss}";
        var started = Stopwatch.GetTimestamp();
        for (var from = 0; from < customers; from += chunk)
        {
            var count = Math.Min(chunk, customers - from);
            var lines = new StringBuilder(count * 200);
            lines.AppendLine(JsonSerializer.Serialize(new { account = new { id = $"{run}-a{from / chunk}", name = "Memory test", accountManager = "am-loadtests" } }));
            for (var i = from; i < from + count; i++)
            {
                lines.Append(CultureInfo.InvariantCulture, $$$"""{"customer":{"id":"{{{run}}}-c{{{i}}}","accountId":"{{{run}}}-a{{{from / chunk}}}","name":"Customer {{{i}}}","tier":"silver","segment":"smb","region":"EU","products":["payments"],"criticality":"medium","revenue":1000}}""").Append('\n');
            }

            using var content = new StringContent(lines.ToString(), Encoding.UTF8, "application/x-ndjson");
            using var response = await http.PostAsync("/api/v1/import", content);
            response.EnsureSuccessStatusCode();
            output.WriteLine($"  {from + count:N0} customers imported ({Stopwatch.GetElapsedTime(started).TotalSeconds:0} s)");
        }

        var importSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(5));
        var after = await ReadAsync(http);
        var added = after.Active - before.Active;
        output.WriteLine($"activation: {customers:N0} customers imported in {importSeconds:0} s ({customers / importSeconds:N0}/s); active customer grains {before.Active:N0} → {after.Active:N0}");
        output.WriteLine($"memory: GC heap {Mb(before.Heap)} → {Mb(after.Heap)} MB, working set {Mb(before.WorkingSet)} → {Mb(after.WorkingSet)} MB");
        if (added > 0)
        {
            output.WriteLine($"per customer: {(after.Heap - before.Heap) / added:N0} B of GC heap, {(after.WorkingSet - before.WorkingSet) / added:N0} B of working set");
        }

        var reads = new LatencyRecorder();
        var writes = new LatencyRecorder();
        for (var i = 0; i < probes; i++)
        {
            var id = $"{run}-c{Random.Shared.Next(customers)}";
            var t = Stopwatch.GetTimestamp();
            using (var read = await http.GetAsync($"/api/v1/customers/{id}"))
            {
                reads.Record((int)read.StatusCode, t);
            }

            t = Stopwatch.GetTimestamp();
            using var write = await http.PostAsJsonAsync("/api/v1/events", new
            {
                eventId = $"{run}-probe{i}", customerId = id, occurredAt = DateTimeOffset.UtcNow, channel = "survey", kind = "survey", survey = new { type = "nps", score = 8 },
            });
            writes.Record((int)write.StatusCode, t);
        }

        reads.Tick(0, 0);
        writes.Tick(0, 0);
        output.WriteLine($"responsive: GET a random customer p50 {reads.Latency.P50:0.00} ms, p99 {reads.Latency.P99:0.00} ms, max {reads.Latency.Max:0.00} ms (n={probes}, errors {reads.Errors})");
        output.WriteLine($"responsive: POST an event to a random customer p50 {writes.Latency.P50:0.00} ms, p99 {writes.Latency.P99:0.00} ms, max {writes.Latency.Max:0.00} ms (n={probes}, errors {writes.Errors})");
        return reads.Errors + writes.Errors == 0 && added >= customers ? 0 : 1;
    }

    private static string Mb(double bytes) => (bytes / 1_048_576).ToString("N0", CultureInfo.InvariantCulture);

    private static async Task<(double Active, double Heap, double WorkingSet)> ReadAsync(HttpClient http)
    {
        var text = await http.GetStringAsync("/metrics");
        return (Sum(text, "healthgrid_customers_active"), Sum(text, "dotnet_gc_last_collection_heap_size_bytes"), Sum(text, "dotnet_process_memory_working_set_bytes"));
    }

    /// <summary>The sum of a Prometheus series over its labels.</summary>
    private static double Sum(string text, string series) =>
        SeriesLine().Matches(text).Where(m => m.Groups["name"].Value == series).Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-z_]+)(\{[^}]*\})? (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex SeriesLine();
}
