using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using HealthGrid.Domain.Alerts;
using HealthGrid.LoadTests.Measure;
using HealthGrid.LoadTests.Workloads;

namespace HealthGrid.LoadTests.Scenarios;

/// <summary>
/// Many open cases whose first-response deadlines fall within one window. Each breach alert is timed
/// at a dashboard client against its due time, and the server's own fire-delay histogram is read.
/// Uses the shipped critical-accounts policy (gold customers, high severity: 15 minutes).
/// </summary>
public static class SlaStormScenario
{
    private static readonly TimeSpan FirstResponse = TimeSpan.FromMinutes(15);
    private const int BatchSize = 500;

    public static async Task<int> RunAsync(Uri server, Credentials credentials, int cases, int customers, TimeSpan lead, TimeSpan window, TextWriter output)
    {
        using var http = credentials.Http(server, timeout: TimeSpan.FromMinutes(2));
        var tenant = await Tenant.CreateAsync(http, customers);
        var expected = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var delay = new Latencies("due → breach alert at the SignalR client");
        await using var listener = await AlertListener.ConnectAsync(server, credentials, (alert, timestamp) =>
        {
            var arrived = DateTimeOffset.UtcNow;
            if (alert.Type == AlertType.SlaBreach && alert.CaseId is { } caseId && expected.TryRemove(caseId, out _))
            {
                delay.Record(arrived - alert.RaisedAt);
            }
        });

        var before = await FireDelayMetric.ReadAsync(http);
        var first = DateTimeOffset.UtcNow + lead;
        output.WriteLine($"sla-storm: {cases} cases on {customers} customers, due between {first:HH:mm:ss} and {first + window:HH:mm:ss} UTC");
        var tickets = Enumerable.Range(0, cases).Select(i => (Id: $"{tenant.AccountId}-T{i}", Customer: tenant.Customers[i % customers], Due: first + (window * i / cases))).ToList();
        foreach (var ticket in tickets)
        {
            expected[ticket.Id] = 0;
        }

        foreach (var batch in tickets.Chunk(BatchSize))
        {
            using var response = await http.PostAsJsonAsync("/api/v1/events/batch", new { events = batch.Select(t => Opened(t.Id, t.Customer, t.Due - FirstResponse)) }, Tenant.Json);
            response.EnsureSuccessStatusCode();
        }

        var loaded = DateTimeOffset.UtcNow;
        output.WriteLine($"opened {cases} cases in {(loaded - (first - lead)).TotalSeconds:0.0} s");
        if (loaded > first)
        {
            output.WriteLine("warning: loading took longer than the lead time; the first deadlines fired as overdue");
        }

        var end = first + window + TimeSpan.FromSeconds(10);
        while (!expected.IsEmpty && DateTimeOffset.UtcNow < end)
        {
            await Task.Delay(200);
        }

        var after = await FireDelayMetric.ReadAsync(http);
        output.WriteLine($"breach alerts missing: {expected.Count}");
        output.WriteLine(delay.Summary());
        output.WriteLine(FireDelayMetric.Describe(before, after));
        return expected.IsEmpty ? 0 : 1;
    }

    private static Dictionary<string, object?> Opened(string ticket, string customer, DateTimeOffset at) => new()
    {
        ["eventId"] = $"{ticket}-opened",
        ["customerId"] = customer,
        ["occurredAt"] = at.ToString("O", CultureInfo.InvariantCulture),
        ["channel"] = "email",
        ["kind"] = "ticket_opened",
        ["ticket"] = new { ticketId = ticket, severity = "high", category = "general", assignee = "agent-loadtests", team = "team-loadtests" },
    };
}
