using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HealthGrid.Domain.Privacy;
using HealthGrid.LoadTests.Measure;
using HealthGrid.LoadTests.Workloads;

namespace HealthGrid.LoadTests.Scenarios;

/// <summary>
/// Erasure of customers that each carry a long history (by default 10,000 events of the peak mix:
/// messages with texts, tickets, surveys, complaints, …): all customers are filled first, then each is
/// erased in turn with <c>DELETE /api/v1/customers/{id}</c>, timed from the request to its answer.
/// </summary>
public static class ErasureScenario
{
    private const int BatchSize = 500;

    /// <summary>Any fixed seed: the same run numbers always give the same events.</summary>
    private const ulong Seed = 0xE2A5E;

    public static async Task<int> RunAsync(Uri server, Credentials credentials, int customers, int eventsPerCustomer, TextWriter output)
    {
        using var http = credentials.Http(server, new SocketsHttpHandler { MaxConnectionsPerServer = 16 });
        var tenant = await Tenant.CreateAsync(http, customers);
        var mix = new EventMix(EventMixKind.Peak, tenant.Run);
        var filling = Stopwatch.StartNew();
        var requestsPerCustomer = (eventsPerCustomer + BatchSize - 1) / BatchSize;
        for (var c = 0; c < customers; c++)
        {
            await FillAsync(http, mix, tenant.Customers[c], (long)c * requestsPerCustomer, eventsPerCustomer);
        }

        output.WriteLine($"erasure: {customers} customers × {eventsPerCustomer} events written in {filling.Elapsed.TotalSeconds:0.0} s");
        var erased = new Latencies("DELETE /api/v1/customers/{id} → 200");
        var failures = 0;
        foreach (var customer in tenant.Customers)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.DeleteAsync($"/api/v1/customers/{Uri.EscapeDataString(customer)}?reason=erasure+benchmark");
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures++;
                output.WriteLine($"FAIL {customer}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                continue;
            }

            var report = (await response.Content.ReadFromJsonAsync<ErasureReport>(Tenant.Json))!;
            erased.Record(elapsed);
            output.WriteLine($"{customer}: {elapsed.TotalMilliseconds:0} ms — {report.Events} events, {report.ScoreChanges} score changes, {report.Cases} cases, {report.Alerts} alerts, {report.Notifications} notifications, {report.Conversations} conversations");
            if (report.Events < eventsPerCustomer)
            {
                failures++;
                output.WriteLine($"FAIL {customer}: {report.Events} of its {eventsPerCustomer} events were erased");
            }
        }

        output.WriteLine(erased.Summary());
        return failures == 0 ? 0 : 1;
    }

    /// <summary>The customer's events, in batches numbered from <paramref name="firstRequest"/> (the mix's event ids are unique per request and index).</summary>
    private static async Task FillAsync(HttpClient http, EventMix mix, string customer, long firstRequest, int events)
    {
        for (var start = 0; start < events; start += BatchSize)
        {
            using var buffer = new MemoryStream();
            await using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteStartArray("events");
                var request = firstRequest + (start / BatchSize);
                for (var i = 0; i < Math.Min(BatchSize, events - start); i++)
                {
                    mix.Write(json, request, i, customer, Hash.Of(Seed, request, i));
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            using var content = new ByteArrayContent(buffer.ToArray());
            content.Headers.ContentType = new("application/json") { CharSet = Encoding.UTF8.WebName };
            using var response = await http.PostAsync("/api/v1/events/batch", content);
            response.EnsureSuccessStatusCode();
        }
    }
}
