using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using HealthGrid.LoadTests.Load;
using HealthGrid.LoadTests.Measure;
using HealthGrid.LoadTests.Workloads;

namespace HealthGrid.LoadTests.Scenarios;

/// <summary>
/// One customer with many open cases (cases live in the customer grain), then a steady stream of
/// updates to them: shows what each event costs a customer that carries a large case load.
/// </summary>
public static class BusyCustomerScenario
{
    private const int BatchSize = 500;

    public static async Task<int> RunAsync(Uri server, Credentials credentials, int cases, double rate, TimeSpan duration, TextWriter output)
    {
        using var http = credentials.Http(server, new SocketsHttpHandler { MaxConnectionsPerServer = 64 });
        var tenant = await Tenant.CreateAsync(http, 1);
        var customer = tenant.Customers[0];
        var opened = DateTimeOffset.UtcNow;
        foreach (var batch in Enumerable.Range(0, cases).Chunk(BatchSize))
        {
            var events = batch.Select(i => Ticket(customer, $"{tenant.AccountId}-T{i}", "ticket_opened", $"{tenant.AccountId}-open{i}", "medium"));
            using var response = await http.PostAsJsonAsync("/api/v1/events/batch", new { events }, Tenant.Json);
            response.EnsureSuccessStatusCode();
        }

        output.WriteLine($"busy-customer: {cases} open cases on one customer, opened in {(DateTimeOffset.UtcNow - opened).TotalSeconds:0.0} s; updates at {rate:0}/s for {duration.TotalSeconds:0} s");
        var accepted = new Latencies("case update → 202 accepted");
        var errors = 0;
        long sent = 0, late = 0;
        await new OpenModel(ArrivalProfile.Constant(rate, duration)).RunAsync(duration, async (i, scheduled) =>
        {
            Interlocked.Increment(ref sent);
            var update = Ticket(customer, $"{tenant.AccountId}-T{i % cases}", "ticket_updated", $"{tenant.AccountId}-update{i}", null);
            using var response = await http.PostAsJsonAsync("/api/v1/events", update, Tenant.Json);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                accepted.RecordSince(scheduled);
            }
            else
            {
                Interlocked.Increment(ref errors);
            }
        }, () => Interlocked.Increment(ref late), CancellationToken.None);

        output.WriteLine($"sent {sent}, late sends {late}, errors {errors}");
        output.WriteLine(accepted.Summary());
        return errors == 0 ? 0 : 1;
    }

    private static Dictionary<string, object?> Ticket(string customer, string ticket, string kind, string eventId, string? severity) => new()
    {
        ["eventId"] = eventId,
        ["customerId"] = customer,
        ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["channel"] = "email",
        ["kind"] = kind,
        ["ticket"] = new Dictionary<string, object?> { ["ticketId"] = ticket, ["severity"] = severity, ["author"] = "agent" }.Where(p => p.Value is not null).ToDictionary(),
    };
}
