using System.Net;
using HealthGrid.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using static HealthGrid.Tests.Api.Notifications.NotificationSetup;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Postgres;

/// <summary>
/// kill -9 of a PostgreSQL-mode silo, twice: right after the event that raises an alert is answered
/// 202 (the alert journaled, its notification maybe not yet decided), and between a failed attempt and
/// its retry. Each time the notification arrives after the restart, with the one webhook-id it always has.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class NotificationRestartTests(PostgresServer server)
{
    [Fact]
    public async Task A_notification_survives_kill_9_before_its_send_and_goes_out_after_the_restart_with_the_same_id()
    {
        var connectionString = await PostgresDatabase.CreateMigratedAsync(server);
        await using var receiver = await HttpReceiver.StartAsync();
        receiver.Answer = (path, n, context, _) =>
        {
            // The second alert's first attempt fails: it is retried 5 s later, by then on the restarted silo.
            context.Response.StatusCode = path == "/second" && n == 1 ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK;
            return Task.CompletedTask;
        };
        // Restarts reuse the ports: the new incarnation supersedes the killed one in the membership table at once.
        var (siloPort, gatewayPort, httpPort) = (FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
        var silo = await SiloProcess.StartAsync(connectionString, siloPort, gatewayPort, httpPort);
        var document = Document(new Uri($"http://127.0.0.1:{httpPort}/"),
            [Webhook("first", receiver.Url("first")), Webhook("second", receiver.Url("second"))],
            [Recipient("team:team-first", "first"), Recipient("team:team-second", "second")],
            [Rule("all", Step("00:00:00", "webhook"))]);
        document["retrySchedule"] = new System.Text.Json.Nodes.JsonArray("00:00:05");
        await ConfigureAsync(silo.Http, document);
        var account = await CreateAccountAsync(silo.Http);
        var first = await CreateCustomerAsync(silo.Http, account);
        var second = await CreateCustomerAsync(silo.Http, account);

        // Killed the moment the event is answered.
        using (var accepted = await silo.Http.PostJsonAsync("/api/v1/events", FrustratedLiveMessage(first, "team-first")))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        await silo.KillAsync();
        await silo.DisposeAsync();
        silo = await SiloProcess.StartAsync(connectionString, siloPort, gatewayPort, httpPort);
        var delivered = await receiver.NextAsync("/first", TimeSpan.FromSeconds(60));
        Assert.StartsWith("msg_", delivered.Headers["webhook-id"], StringComparison.Ordinal);

        // Killed between a failed attempt and its retry.
        (await silo.Http.PostJsonAsync("/api/v1/events", FrustratedLiveMessage(second, "team-second"))).EnsureSuccessStatusCode();
        var failed = await receiver.NextAsync("/second", TimeSpan.FromSeconds(30));
        // Killed once the failure is recorded: a kill between the receiver's answer and the record is the lease's case, not this one.
        await Eventually.Until(() => LogAsync(silo.Http, "state=pending"), l => l.Any(n => (string)n!["contactPoint"]! == "second" && (int)n["attempts"]! == 1), TimeSpan.FromSeconds(4), "the failed attempt to be recorded before its retry");
        await silo.KillAsync();
        await silo.DisposeAsync();
        await using var restarted = await SiloProcess.StartAsync(connectionString, siloPort, gatewayPort, httpPort);
        var retried = await NextOrExplainAsync(receiver, "/second", restarted);
        Assert.Equal(failed.Headers["webhook-id"], retried.Headers["webhook-id"]);

        var log = await Eventually.Until(() => LogAsync(restarted.Http, "state=sent"), l => l.Count == 2, TimeSpan.FromSeconds(20), "both notifications to be logged as sent");
        Assert.All(receiver.On("/first"), r => Assert.Equal(delivered.Headers["webhook-id"], r.Headers["webhook-id"]));
        Assert.Equal(2, (int)log.Single(n => (string)n!["contactPoint"]! == "second")!["attempts"]!);
    }

    /// <summary>A retry that never comes fails with what the restarted silo knows of it (a CI run once timed out here and told nothing).</summary>
    private static async Task<ReceivedRequest> NextOrExplainAsync(HttpReceiver receiver, string path, SiloProcess silo)
    {
        try
        {
            return await receiver.NextAsync(path, TimeSpan.FromSeconds(60));
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No request on {path} within 60 s of the restart.\nDelivery log: {await LogAsync(silo.Http, "limit=10")}\nSilo output:\n{silo.Output}");
        }
    }
}
