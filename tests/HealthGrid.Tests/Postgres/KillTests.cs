using System.Collections.Concurrent;
using System.Net.Http.Json;
using HealthGrid.Api.Ingest;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Customers.Scoring;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Projections;
using HealthGrid.Storage.Ingest;
using HealthGrid.Tests.Infrastructure;
using Xunit.Abstractions;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Postgres;

/// <summary>
/// The durability promise: an event answered "accepted" survives SIGKILL of the silo at any moment,
/// and after a restart every acknowledged event is reflected exactly once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class KillTests(PostgresServer server, ITestOutputHelper output)
{
    private const int Acknowledged = 2_000;

    // Frequent snapshots put the kill between snapshots, so recovery must join a snapshot and the log.
    private static readonly string[] FrequentSnapshots = ["--HealthGrid:Snapshots:EveryEvents=50"];

    [Fact]
    public async Task Every_acknowledged_event_survives_kill_9_and_is_reflected_exactly_once()
    {
        var connectionString = await PostgresDatabase.CreateMigratedAsync(server);
        var (siloPort, gatewayPort, httpPort) = (FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
        var customers = new List<string>();
        var acknowledged = new ConcurrentDictionary<string, string>();

        await using (var silo = await SiloProcess.StartAsync(connectionString, siloPort, gatewayPort, httpPort, FrequentSnapshots))
        {
            var account = await CreateAccountAsync(silo.Http);
            for (var i = 0; i < 5; i++)
            {
                customers.Add(await CreateCustomerAsync(silo.Http, account));
            }

            // Four senders keep batches in flight; the silo is killed while they are still sending.
            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, 4).Select(s => SendUntilStoppedAsync(silo.Http, customers, s, acknowledged, stop.Token)).ToList();
            await Eventually.Until(() => Task.FromResult(acknowledged.Count), n => n >= Acknowledged, TimeSpan.FromSeconds(120), "2,000 acknowledged events");
            await silo.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(senders);
        }

        output.WriteLine($"{acknowledged.Count} events were acknowledged before SIGKILL");
        await using var restarted = await SiloProcess.StartAsync(connectionString, siloPort, gatewayPort, httpPort, FrequentSnapshots);
        foreach (var customer in customers)
        {
            var (view, state, log) = await ViewAndLogAsync(restarted.Http, connectionString, customer);
            var logged = log.Select(e => e.Interaction.EventId).ToList();

            // Only events that count for health have a score change: the log also holds the SLA timers
            // that fired for complaints opened hours back (how many depends on the time of day, since
            // their clocks run in business hours).
            var scored = log.Where(e => CustomerModel.CountsForHealth(e.Interaction)).Select(e => e.Interaction.EventId).ToList();

            // The history is a read model: right after the restart it may trail by a flush interval.
            var history = await Eventually.Until(() => AllChangesAsync(restarted.Http, customer), h => h.Count >= scored.Count, TimeSpan.FromSeconds(10), "the score history to catch up");
            Assert.Equal(logged.Count, logged.Distinct().Count());
            Assert.All(acknowledged.Where(a => a.Value == customer), a => Assert.Contains(a.Key, logged));
            Assert.Equal(scored.Order(), history.Select(c => c.EventId).Order());
            Assert.Equal(LogReplay.SupportLoadNow(state), view.Health.Churn.Factors.Single(f => f.Name == "support load").Value, 0.01);
            // Both scores are rounded to 0.1: a last-bit difference of the doubles (a snapshot joined with the log
            // against one replay of the log) can round them one step apart at a .x5 boundary. An event applied
            // twice or lost moves the score by far more than that step.
            Assert.InRange(Math.Abs(LogReplay.ScoreAt(state, view.Health.AsOf) - view.Health.Score), 0, 0.1 + 1e-9);

            var maxSeq = log.Max(e => e.Seq);
            await Eventually.Until(() => restarted.Http.GetJsonAsync<CustomerPage>($"/api/v1/customers?accountId={view.Profile.AccountId}&limit=10"),
                p => p.Items.Single(c => c.Id == customer).AppliedSeq >= maxSeq, what: "the directory to catch up with the log");
        }
    }

    /// <summary>
    /// The customer's view and the log's replay of the same events: SLA timers of complaints opened hours
    /// back fire during business hours and append to the log at any moment, so the log is read before and
    /// after the view until no event came between. A view compared with a longer log would explain both
    /// failures of two clean-clone runs around 13:00 UTC (a score 0.1 off, a directory past the log's end).
    /// </summary>
    private static async Task<(CustomerView View, HealthState State, List<JournalEntry> Log)> ViewAndLogAsync(HttpClient http, string connectionString, string customer)
    {
        for (var attempt = 0; ; attempt++)
        {
            var before = (await LogReplay.ReplayAsync(connectionString, customer)).Entries.Count;
            var view = await http.GetJsonAsync<CustomerView>($"/api/v1/customers/{customer}");
            var (state, log) = await LogReplay.ReplayAsync(connectionString, customer);
            if (log.Count == before || attempt == 10)
            {
                return (view, state, log);
            }
        }
    }

    private static async Task SendUntilStoppedAsync(HttpClient http, List<string> customers, int sender, ConcurrentDictionary<string, string> acknowledged, CancellationToken stop)
    {
        var random = new Random(sender);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var events = Enumerable.Range(0, 25).Select(i => EventFor(customers[random.Next(customers.Count)], random)).ToList();
                using var response = await http.PostAsJsonAsync("/api/v1/events/batch", new { events }, InProcessSilo.Json, stop);
                if (!response.IsSuccessStatusCode)
                {
                    continue;
                }

                var result = await response.ReadAsync<BatchResult>();
                foreach (var accepted in result.Results.Where(r => r.Status == IngestStatus.Accepted))
                {
                    acknowledged[accepted.EventId!] = (string)events[accepted.Index]["customerId"]!;
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            // The silo was killed mid-request: that request was never acknowledged.
        }
    }

    private static Dictionary<string, object?> EventFor(string customer, Random random) => random.Next(4) switch
    {
        0 => Complaint(customer, severity: "medium", at: DateTimeOffset.UtcNow.AddMinutes(-random.Next(600))),
        1 => Survey(customer, "nps", random.Next(11), DateTimeOffset.UtcNow.AddMinutes(-random.Next(600))),
        2 => Message(customer, random.Next(2) == 0 ? "Thanks, all good" : "This is the third time I'm calling!!", at: DateTimeOffset.UtcNow.AddMinutes(-random.Next(600))),
        _ => Payment(customer, random.Next(30), DateTimeOffset.UtcNow.AddMinutes(-random.Next(600))),
    };

    internal static async Task<List<ScoreChange>> AllChangesAsync(HttpClient http, string customer)
    {
        var changes = new List<ScoreChange>();
        long? before = null;
        do
        {
            var page = await http.GetJsonAsync<ScoreHistoryPage>($"/api/v1/customers/{customer}/score-history?limit=500" + (before is { } b ? $"&before={b}" : ""));
            changes.AddRange(page.Items);
            before = page.NextBefore;
        }
        while (before is not null);
        return changes;
    }
}
