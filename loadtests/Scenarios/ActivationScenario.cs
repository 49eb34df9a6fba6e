using System.Diagnostics;
using HealthGrid.LoadTests.Measure;

namespace HealthGrid.LoadTests.Scenarios;

/// <summary>
/// Memory at scale: imports (and so activates) many customers on the server, reads its own metrics
/// before and after (active customer grains, GC heap, working set), reports the memory per
/// customer, then checks the server still answers: reads and single events, timed.
/// </summary>
public static class ActivationScenario
{
    public static async Task<int> RunAsync(Uri server, Credentials credentials, int customers, int chunk, int probes, TextWriter output)
    {
        using var http = credentials.Http(server, timeout: TimeSpan.FromMinutes(10));
        var before = await ServerMemory.ReadAsync(http);
        var run = $"mem{DateTimeOffset.UtcNow:HHmmss}";
        var importSeconds = await BulkCustomers.ImportAsync(http, run, customers, chunk, "[]", output);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var after = await ServerMemory.ReadAsync(http);
        var added = after.ActiveCustomers - before.ActiveCustomers;
        output.WriteLine($"activation: {customers:N0} customers imported in {importSeconds:0} s ({customers / importSeconds:N0}/s); active customer grains {before.ActiveCustomers:N0} → {after.ActiveCustomers:N0}");
        output.WriteLine($"memory: GC heap {ServerMemory.Mb(before.Heap)} → {ServerMemory.Mb(after.Heap)} MB, working set {ServerMemory.Mb(before.WorkingSet)} → {ServerMemory.Mb(after.WorkingSet)} MB");
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
            using var write = await BulkCustomers.ProbeEventAsync(http, $"{run}-probe{i}", id);
            writes.Record((int)write.StatusCode, t);
        }

        reads.Tick(0, 0);
        writes.Tick(0, 0);
        output.WriteLine($"responsive: GET a random customer p50 {reads.Latency.P50:0.00} ms, p99 {reads.Latency.P99:0.00} ms, max {reads.Latency.Max:0.00} ms (n={probes}, errors {reads.Errors})");
        output.WriteLine($"responsive: POST an event to a random customer p50 {writes.Latency.P50:0.00} ms, p99 {writes.Latency.P99:0.00} ms, max {writes.Latency.Max:0.00} ms (n={probes}, errors {writes.Errors})");
        return reads.Errors + writes.Errors == 0 && added >= customers ? 0 : 1;
    }
}
