using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Tests.Infrastructure;
using Xunit.Abstractions;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Postgres;

/// <summary>
/// Three silo processes, a dashboard client on silo A, and kill -9 of C and then of B. Nothing
/// coordinates the fan-out, so each kill is a kill of "the silo that matters" for the customers it
/// hosted: every alert raised after a kill reaches the client, or the client is told to resync and the
/// alert is listed then; and the deadlines the killed silo's customers owned fire within 5 s of its
/// death being declared, once each.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterFailoverTests(PostgresServer server, ITestOutputHelper output)
{
    private const int CustomersWithDeadlines = 12;
    private const int AcceptedAfterDeclaration = 8;
    private static readonly TimeSpan DeclaredToFired = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task After_kill_9_no_alert_is_silently_missed_and_the_dead_silos_deadlines_fire_soon_after_its_death()
    {
        var connectionString = await PostgresDatabase.CreateMigratedAsync(server);
        await using var a = await SiloProcess.StartAsync(connectionString, FreePorts.Next(), FreePorts.Next(), null, RecoveryLogging);
        await using var b = await SiloProcess.StartAsync(connectionString, FreePorts.Next(), FreePorts.Next(), null, RecoveryLogging);
        await using var c = await SiloProcess.StartAsync(connectionString, FreePorts.Next(), FreePorts.Next(), null, RecoveryLogging);
        await ClusterConfigurationTests.ActiveMembersAsync(connectionString, 3);
        await using var dashboard = await DashboardClient.ConnectAsync(new Uri($"http://127.0.0.1:{a.HttpPort}"), TestAuth.Token(TestAuth.Admin));

        var account = await CreateAccountAsync(a.Http);
        var survivors = new List<SiloProcess> { a, b };
        try
        {
            foreach (var (victim, label) in new[] { (c, "C"), (b, "B") })
            {
                survivors.Remove(victim);
                await KillAndCheckAsync(connectionString, account, victim, label, survivors, dashboard);
            }
        }
        catch
        {
            // What the survivors logged about the failover is what explains a failure here.
            output.WriteLine($"silo A's log:\n{a.Output}");
            throw;
        }
    }

    /// <summary>The deadline recovery and the customers' timers log what they do at Information.</summary>
    private static readonly string[] RecoveryLogging = ["--Logging:LogLevel:HealthGrid.Grains.Sla=Information", "--Logging:LogLevel:HealthGrid.Grains.Customers=Information"];

    private async Task KillAndCheckAsync(string connectionString, string account, SiloProcess victim, string label, List<SiloProcess> survivors, DashboardClient dashboard)
    {
        var http = survivors[0].Http;

        // Customers activated through every silo (the victim included), each with a case due a few seconds after the kill.
        var deadlines = new List<(string Customer, string Ticket)>();
        var due = DateTimeOffset.UtcNow.AddSeconds(12);
        for (var i = 0; i < CustomersWithDeadlines; i++)
        {
            var through = i % 2 == 0 ? victim.Http : http;
            var customer = await CreateCustomerAsync(through, account);
            var ticket = NewId("T");
            using var opened = await through.PostJsonAsync("/api/v1/events", Ticket(customer, "ticket_opened", ticket, at: due.AddMinutes(-15)));
            Assert.Equal(HttpStatusCode.Accepted, opened.StatusCode);
            deadlines.Add((customer, ticket));
        }

        // The survivors find the victim's customers through the store's index of next timers.
        await Eventually.Until(() => PostgresDatabase.ScalarAsync<long>(connectionString, "SELECT count(*) FROM healthgrid_customer_timers WHERE customer_id = ANY($1)", [deadlines.Select(d => d.Customer).ToArray()]),
            n => n == CustomersWithDeadlines, TimeSpan.FromSeconds(10), "the timer index to list every deadline");
        var alertCustomers = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            alertCustomers.Add(await CreateCustomerAsync(i % 2 == 0 ? victim.Http : http, account));
        }

        var deadBefore = await DeadMembersAsync(connectionString);
        var killedAt = DateTimeOffset.UtcNow;
        await victim.KillAsync();

        // Frustrated live chats through the survivors, one every 300 ms, until eight more are accepted after the death is declared (or the customers run out).
        using var stop = new CancellationTokenSource();
        var accepted = new ConcurrentBag<string>();
        var acceptances = Channel.CreateUnbounded<string>();
        var sending = SendFrustrationAsync(survivors, alertCustomers, accepted, acceptances.Writer, stop.Token);
        await Eventually.Until(() => DeadMembersAsync(connectionString), n => n > deadBefore, TimeSpan.FromSeconds(90), $"silo {label} to be declared dead");
        var declaredAt = DateTimeOffset.UtcNow;
        while (acceptances.Reader.TryRead(out _))
        {
            // Accepted before the declaration: not what is waited for.
        }

        for (var after = 0; after < AcceptedAfterDeclaration && await acceptances.Reader.WaitToReadAsync(); after++)
        {
            await acceptances.Reader.ReadAsync();
        }

        await stop.CancelAsync();
        await sending;
        output.WriteLine($"silo {label}: killed {killedAt:HH:mm:ss.fff}, declared dead {declaredAt:HH:mm:ss.fff} ({(declaredAt - killedAt).TotalSeconds:0.0} s); {accepted.Count} frustrated messages accepted");
        Assert.NotEmpty(accepted);

        // Every alert raised for an accepted message reached the client — or the client was told to resync after the kill, and the alert is in the list it reads then.
        var resynced = dashboard.Resyncs.Any(r => r.At >= killedAt);
        var missed = new List<string>();
        var listed = new List<string>();
        foreach (var customer in accepted.Distinct())
        {
            var raised = await Eventually.Until(() => AlertsAsync(http, customer, "frustration"), l => l.Length > 0, TimeSpan.FromSeconds(10), "the frustration alert to be listed");
            foreach (var alert in raised)
            {
                listed.Add(alert.Id);
                if (!dashboard.Received.Any(r => r.Id == alert.Id))
                {
                    missed.Add(alert.Id);
                }
            }
        }

        var pushed = listed.Where(dashboard.FirstPushedAt.ContainsKey).Select(id => dashboard.FirstPushedAt[id]).Order().ToList();
        var gaps = pushed.Prepend(killedAt).Zip(pushed, (x, y) => y - x).DefaultIfEmpty().Max();
        output.WriteLine($"silo {label}: first alert pushed {(pushed.FirstOrDefault() - killedAt).TotalSeconds:0.00} s after the kill; longest wait between pushed alerts {gaps.TotalSeconds:0.00} s");
        output.WriteLine($"silo {label}: {missed.Count} alerts not pushed; resync after the kill: {resynced} ({string.Join("; ", dashboard.Resyncs.Select(r => r.Reason))})");
        Assert.True(missed.Count == 0 || resynced, $"{missed.Count} alerts were neither pushed nor announced by a resync");

        // Each deadline fired once, on time on the survivors, within 5 s of the death declaration on the victim.
        var latest = (due > declaredAt ? due : declaredAt) + DeclaredToFired;
        var fired = new List<DateTimeOffset>();
        foreach (var (_, ticket) in deadlines)
        {
            var breach = Assert.Single(await Eventually.Until(() => BreachesAsync(http, ticket), l => l.Length > 0, TimeSpan.FromSeconds(30), $"the breach of {ticket} (due {due:HH:mm:ss.fff}, {label} declared dead {declaredAt:HH:mm:ss.fff})"));
            var firedAt = breach.RaisedAt + (breach.LateBy ?? TimeSpan.Zero);
            fired.Add(firedAt);
            Assert.True(firedAt <= latest, $"{ticket} fired at {firedAt:HH:mm:ss.fff}; due {due:HH:mm:ss.fff}, {label} declared dead {declaredAt:HH:mm:ss.fff}");
        }

        output.WriteLine($"silo {label}: deadlines due {due:HH:mm:ss.fff}; the last fired {fired.Max():HH:mm:ss.fff}, {(fired.Max() - declaredAt).TotalSeconds:0.0} s after the death was seen declared");
    }

    private static async Task SendFrustrationAsync(List<SiloProcess> through, List<string> customers, ConcurrentBag<string> accepted, ChannelWriter<string> acceptances, CancellationToken stop)
    {
        try
        {
            await SendAsync(through, customers, accepted, acceptances, stop);
        }
        finally
        {
            acceptances.TryComplete();
        }
    }

    private static async Task SendAsync(List<SiloProcess> through, List<string> customers, ConcurrentBag<string> accepted, ChannelWriter<string> acceptances, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested && i < customers.Count; i++)
        {
            try
            {
                using var response = await through[i % through.Count].Http.PostJsonAsync("/api/v1/events", FrustratedLiveMessage(customers[i], "team-emea"));
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    accepted.Add(customers[i]);
                    acceptances.TryWrite(customers[i]);
                }
            }
            catch (HttpRequestException)
            {
                // Not accepted: the customer's silo is gone and the survivors have not yet taken it over.
            }
            catch (TaskCanceledException)
            {
                // Timed out the same way.
            }

            // The pace of the traffic (real time passing across a real process's death is what is tested).
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Silos the membership table has declared dead (status 6).</summary>
    private static Task<long> DeadMembersAsync(string connectionString) =>
        PostgresDatabase.ScalarAsync<long>(connectionString, "SELECT count(*) FROM orleans_membership WHERE status = 6");

    private static async Task<Alert[]> AlertsAsync(HttpClient http, string customer, string type) =>
        (await http.GetJsonAsync<AlertPage>($"/api/v1/alerts?customerId={customer}&type={type}")).Items;

    private static async Task<Alert[]> BreachesAsync(HttpClient http, string ticket) =>
        (await http.GetJsonAsync<AlertPage>($"/api/v1/alerts?caseId={ticket}&type=sla_breach")).Items.Where(a => a.Metric == SlaMetric.FirstResponse).ToArray();
}
