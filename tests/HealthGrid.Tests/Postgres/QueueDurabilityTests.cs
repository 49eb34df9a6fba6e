using System.Text;
using HealthGrid.Domain.Ingest;
using HealthGrid.Tests.Infrastructure;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Postgres;

/// <summary>
/// At-least-once from the broker and idempotent event ids make exactly once: a queue of 10,000 events
/// consumed by a silo in PostgreSQL mode that is killed with SIGKILL mid-stream and restarted, and one
/// consumed while PostgreSQL is stopped and started again. Every message ends up applied once (the log
/// and the score history say so), none is left unacknowledged, and malformed ones are dead-lettered.
/// </summary>
[Collection(QueueCollection.Name)]
public sealed class QueueDurabilityTests(PostgresServer database, RabbitMqServer broker)
{
    private const int Events = 10_000;
    private const int Malformed = 20;
    private static readonly string[] Verbose = ["--Logging:LogLevel:HealthGrid.Api.Connectors.RabbitMq=Information"];

    [Fact]
    public async Task Every_message_is_applied_exactly_once_across_a_kill_9_of_the_consuming_silo()
    {
        var connectionString = await PostgresDatabase.CreateMigratedAsync(database);
        var queue = NewId("orders");
        await broker.DeclareAsync(queue);
        var (siloPort, gatewayPort, httpPort) = (FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
        string[] args = [.. broker.ConnectorArgs("orders", queue), "--HealthGrid:Snapshots:EveryEvents=50"];
        List<string> customers;
        List<Dictionary<string, object?>> events;
        Task publishing;
        await using (var silo = await SiloProcess.StartAsync(connectionString, siloPort, gatewayPort, httpPort, args))
        {
            customers = await CustomersAsync(silo.Http, 10);
            events = Surveys(customers, Events);
            publishing = broker.PublishAsync(queue, Interleave(events.Select(QueueTestMessage.Json), MalformedMessages()));

            // Killed while the queue still holds most of the stream, with events applied and acknowledged before it.
            await Eventually.Until(() => KillTests.AllChangesAsync(silo.Http, customers[0]), h => h.Count >= 100, TimeSpan.FromSeconds(120), "the first events applied");
            await silo.KillAsync();
        }

        await publishing;
        var left = await broker.CountsAsync(queue);
        Assert.True(left.Ready + left.Unacknowledged > 0, "the silo was killed after the whole queue was consumed: nothing was tested");

        await using var restarted = await SiloProcess.StartAsync(connectionString, siloPort, gatewayPort, httpPort, args);
        await Eventually.Until(() => broker.CountsAsync(queue), c => c == (0, 0), TimeSpan.FromSeconds(180), "the queue consumed and acknowledged");
        await AssertAppliedOnceAsync(restarted.Http, connectionString, customers, events);
        await AssertDeadLetteredAsync(queue);
    }

    [Fact]
    public async Task The_consumer_pauses_while_PostgreSQL_is_down_acknowledges_nothing_it_could_not_store_and_resumes_by_itself()
    {
        var connectionString = await PostgresDatabase.CreateMigratedAsync(database);
        var queue = NewId("outage");
        await broker.DeclareAsync(queue);
        await using var silo = await SiloProcess.StartAsync(connectionString, FreePorts.Next(), FreePorts.Next(), null, [.. broker.ConnectorArgs("outage", queue, prefetch: 50), .. Verbose]);
        var customers = await CustomersAsync(silo.Http, 3);
        var events = Surveys(customers, 3_000);
        await broker.PublishAsync(queue, events.Take(500).Select(QueueTestMessage.Json));
        await Eventually.Until(() => KillTests.AllChangesAsync(silo.Http, customers[0]), h => h.Count >= 50, TimeSpan.FromSeconds(120), "the first events applied");

        await database.StopAsync();
        try
        {
            // The rest arrives during the outage: however fast the first part went, these cannot be stored now.
            await broker.PublishAsync(queue, events.Skip(500).Select(QueueTestMessage.Json));
            await Eventually.Until(() => Task.FromResult(silo.Output), o => o.Contains("consumption paused", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the consumer to pause");
            var waiting = await broker.CountsAsync(queue);
            Assert.True(waiting.Ready > 0, "the queue was consumed to its end before the outage: nothing was tested");
            // At most a prefetch per consumer is held, unacknowledged, while nothing can be stored.
            Assert.InRange(waiting.Unacknowledged, 0, 4 * 50);
        }
        finally
        {
            await database.StartAsync();
        }

        await Eventually.Until(() => broker.CountsAsync(queue), c => c == (0, 0), TimeSpan.FromSeconds(180), "the queue consumed after the outage");
        Assert.Contains("consumption resumed", silo.Output, StringComparison.Ordinal);
        await AssertAppliedOnceAsync(silo.Http, connectionString, customers, events);
    }

    private static async Task<List<string>> CustomersAsync(HttpClient http, int count)
    {
        var account = await CreateAccountAsync(http);
        var customers = new List<string>();
        for (var i = 0; i < count; i++)
        {
            customers.Add(await CreateCustomerAsync(http, account));
        }

        return customers;
    }

    private static List<Dictionary<string, object?>> Surveys(List<string> customers, int count)
    {
        var now = DateTimeOffset.UtcNow;
        return [.. Enumerable.Range(0, count).Select(i => Survey(customers[i % customers.Count], "csat", 1 + (i % 5), now.AddSeconds(-i)))];
    }

    private static IEnumerable<QueueTestMessage> MalformedMessages() => Enumerable.Range(0, Malformed).Select(i =>
        new QueueTestMessage(Encoding.UTF8.GetBytes($"{{\"eventId\": \"broken-{i}\", \"kind\": "), MessageId: $"broken-{i}"));

    /// <summary>The malformed messages spread through the stream, so that they sit between valid ones on both sides of the kill.</summary>
    private static IEnumerable<QueueTestMessage> Interleave(IEnumerable<QueueTestMessage> valid, IEnumerable<QueueTestMessage> malformed)
    {
        using var bad = malformed.GetEnumerator();
        var every = Events / Malformed;
        var i = 0;
        foreach (var message in valid)
        {
            if (i++ % every == every / 2 && bad.MoveNext())
            {
                yield return bad.Current;
            }

            yield return message;
        }
    }

    /// <summary>Each event in its customer's log exactly once, nothing else of ours there, and each scored once in the history the silo serves.</summary>
    private static async Task AssertAppliedOnceAsync(HttpClient http, string connectionString, List<string> customers, List<Dictionary<string, object?>> events)
    {
        foreach (var customer in customers)
        {
            var expected = events.Where(e => (string)e["customerId"]! == customer).Select(e => (string)e["eventId"]!).Order().ToList();
            var (_, log) = await LogReplay.ReplayAsync(connectionString, customer);
            Assert.Equal(expected, log.Where(e => e.Interaction.Kind == InteractionKind.Survey).Select(e => e.Interaction.EventId).Order().ToList());
            var history = await Eventually.Until(() => KillTests.AllChangesAsync(http, customer), h => h.Count >= expected.Count, TimeSpan.FromSeconds(30), "the score history to catch up");
            Assert.Equal(expected, history.Select(c => c.EventId).Order().ToList());
        }
    }

    private async Task AssertDeadLetteredAsync(string queue)
    {
        var dead = await broker.TakeAllAsync(queue + ".dead-letter");
        Assert.Equal(Enumerable.Range(0, Malformed).Select(i => $"broken-{i}").Order(), dead.Select(m => m.BasicProperties.MessageId!).Order());
        Assert.All(dead, m => Assert.StartsWith("kind: ", Encoding.UTF8.GetString((byte[])m.BasicProperties.Headers!["x-healthgrid-error"]!)));
    }
}
