using System.Diagnostics;
using System.Net;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Tests.Infrastructure;
using Xunit.Abstractions;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Postgres;

/// <summary>
/// SLA deadlines survive the silo: a case due a few seconds after a SIGKILL breaches once the silo
/// is back, brought back by its reminder (nothing else touches the customer), marked late, once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SlaFailoverTests(PostgresServer server, ITestOutputHelper output)
{
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromSeconds(5);

    private static readonly string[] FastReminders = [$"--HealthGrid:Sla:ReminderPeriod={ReminderPeriod:c}"];

    [Fact]
    public async Task After_kill_9_the_reminder_reactivates_the_case_and_the_breach_fires_late_exactly_once()
    {
        var connectionString = await PostgresDatabase.CreateMigratedAsync(server);
        var (siloPort, gatewayPort, httpPort) = (FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
        var ticket = NewId("T");
        DateTimeOffset due;

        await using (var silo = await SiloProcess.StartAsync(connectionString, siloPort, gatewayPort, httpPort, FastReminders))
        {
            var customer = await CreateCustomerAsync(silo.Http, await CreateAccountAsync(silo.Http));

            // critical-accounts (gold, high): 15 minutes to first response, opened so that it is due 8 seconds from now.
            due = DateTimeOffset.UtcNow.AddSeconds(8);
            using var opened = await silo.Http.PostJsonAsync("/api/v1/events", Ticket(customer, "ticket_opened", ticket, at: due.AddMinutes(-15)));
            Assert.Equal(HttpStatusCode.Accepted, opened.StatusCode);
            await Eventually.Until(() => RemindersAsync(connectionString, customer), n => n == 1, TimeSpan.FromSeconds(5), "the SLA reminder row");

            // With the directory caught up, the restarted silo's projection repair leaves this customer alone: only the reminder can wake it.
            await Eventually.Until(() => DirectoryCaughtUpAsync(connectionString, customer), done => done, TimeSpan.FromSeconds(5), "the directory to catch up");
            Assert.True(DateTimeOffset.UtcNow < due, "the silo must die before the deadline");
            await silo.KillAsync();
        }

        // Come back after the deadline has passed while nobody was running.
        var downFor = due - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2);
        if (downFor > TimeSpan.Zero)
        {
            await Task.Delay(downFor);
        }

        var restart = Stopwatch.StartNew();
        await using var restarted = await SiloProcess.StartAsync(connectionString, siloPort, gatewayPort, httpPort, FastReminders);
        var readyAt = DateTimeOffset.UtcNow;

        // Only the alert list is read (a projection): asking for the case would activate the customer.
        var breach = await Eventually.Until(() => BreachesAsync(restarted.Http, ticket), b => b.Length > 0, TimeSpan.FromSeconds(60), "the breach after restart");
        var firedAt = breach[0].RaisedAt + breach[0].LateBy!.Value;
        output.WriteLine($"restart took {restart.Elapsed.TotalSeconds:0.0} s; the breach was due {due:HH:mm:ss.fff}, fired {firedAt:HH:mm:ss.fff} ({breach[0].LateBy!.Value.TotalSeconds:0.0} s late), {(firedAt - readyAt).TotalSeconds:0.0} s after the silo was ready");

        Assert.Equal(SlaMetric.FirstResponse, breach[0].Metric);
        Assert.True(Math.Abs((breach[0].RaisedAt - due).TotalSeconds) < 1, "the alert keeps the due time");
        Assert.True(breach[0].LateBy > TimeSpan.Zero);
        // The reminder ticks on its period from its original start, once the reminder service has read the table.
        Assert.True(firedAt - readyAt <= ReminderPeriod + TimeSpan.FromSeconds(2), $"fired {(firedAt - readyAt).TotalSeconds:0.0} s after the silo was ready");

        // More reminder ticks change nothing: the firing is a journaled event with a deterministic id.
        await Task.Delay(ReminderPeriod * 2);
        Assert.Single(await BreachesAsync(restarted.Http, ticket));
        Assert.Equal(1L, await PostgresDatabase.ScalarAsync<long>(connectionString,
            "SELECT count(*) FROM healthgrid_event_log WHERE event_id LIKE $1", $"sla.%.{ticket}.FirstResponse.0.Breach.0"));
        var view = await restarted.Http.GetJsonAsync<CaseView>($"/api/v1/cases/{ticket}");
        Assert.Single(view.Escalations, e => e.Metric == SlaMetric.FirstResponse);
    }

    private static Task<long> RemindersAsync(string connectionString, string customer) =>
        PostgresDatabase.ScalarAsync<long>(connectionString, "SELECT count(*) FROM orleans_reminders WHERE grain_id LIKE $1", $"%{customer}%");

    private static Task<bool> DirectoryCaughtUpAsync(string connectionString, string customer) =>
        PostgresDatabase.ScalarAsync<bool>(connectionString, """
            SELECT coalesce(c.applied_seq = (SELECT max(e.seq) FROM healthgrid_event_log e WHERE e.stream_id = 'customer/' || c.customer_id), false)
            FROM healthgrid_customers c WHERE c.customer_id = $1
            """, customer);

    private static async Task<Alert[]> BreachesAsync(HttpClient http, string ticket) =>
        (await http.GetJsonAsync<AlertPage>($"/api/v1/alerts?caseId={ticket}&type=sla_breach")).Items.Where(a => a.Metric == SlaMetric.FirstResponse).ToArray();
}
