using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Ingest;
using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.GrainInterfaces.Projections;
using HealthGrid.Grains.Projections;
using HealthGrid.Tests.Infrastructure;
using System.Text.Json.Nodes;
using HealthGrid.Domain.Configuration;
using HealthGrid.GrainInterfaces.Configuration;

namespace HealthGrid.Tests.Grains;

/// <summary>
/// SLA timers in a live customer grain, on a fake clock: the shipped critical-accounts policy (gold,
/// high severity, 24x7) gives a 15-minute first response, and its chain hands over every 10 minutes.
/// </summary>
[Collection(FakeTimeClusterCollection.Name)]
public sealed class SlaTimerTests(FakeTimeClusterFixture fixture)
{
    private static readonly TimeSpan Min = TimeSpan.FromMinutes(1);

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task The_breach_is_raised_at_the_due_time_escalates_level_by_level_and_stops_on_acknowledge()
    {
        var customer = await Ids.CustomerAsync(Grains, await Ids.AccountAsync(Grains));
        var ticket = TestOrganisation.NewId("T");
        var opened = fixture.Clock.GetUtcNow();
        await OpenAsync(customer, ticket, opened);

        // Warnings at 75% (11:15) and 2 minutes before (13:00); nothing breached a millisecond before 15:00.
        await AdvanceTo(customer, opened + (15 * Min) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, (await AlertsAsync(ticket, AlertType.SlaWarning)).Length);
        Assert.Empty(await AlertsAsync(ticket, AlertType.SlaBreach));

        await AdvanceTo(customer, opened + (15 * Min));
        var breach = await BreachAsync(ticket);
        Assert.Equal(opened + (15 * Min), breach.RaisedAt);
        Assert.Null(breach.LateBy);
        Assert.Equal(["user:ana"], breach.Audiences.Select(a => a.Group));

        // Unacknowledged: the team supervisor at +25, then the process owner level (no owner here: leadership) at +35.
        await AdvanceTo(customer, opened + (25 * Min));
        Assert.Equal(1, (await BreachAsync(ticket)).EscalationLevel);
        await AdvanceTo(customer, opened + (35 * Min));
        var third = await BreachAsync(ticket);
        Assert.Equal(2, third.EscalationLevel);
        Assert.Equal(["user:ana", "team:team-emea", "leadership"], third.Audiences.Select(a => a.Group));

        var acknowledged = await Grains.GetGrain<ICustomerGrain>(customer).ActOnAlertAsync(breach.Id, AlertState.Acknowledged, "lead");
        Assert.Equal(IngestStatus.Accepted, acknowledged.Status);

        await AdvanceTo(customer, opened + (3 * 60 * Min));
        var after = await BreachAsync(ticket);
        Assert.Equal(AlertState.Acknowledged, after.State);
        Assert.Equal((2, "lead"), (after.EscalationLevel!.Value, after.AcknowledgedBy));
        var view = (await Grains.GetGrain<ICustomerGrain>(customer).GetCaseAsync(ticket))!;
        Assert.Equal(EscalationStatus.Acknowledged, view.Escalations.Single(e => e.Metric == SlaMetric.FirstResponse).Status);
    }

    [Fact]
    public async Task Responding_in_time_means_no_breach()
    {
        var customer = await Ids.CustomerAsync(Grains, await Ids.AccountAsync(Grains));
        var ticket = TestOrganisation.NewId("T");
        var opened = fixture.Clock.GetUtcNow();
        await OpenAsync(customer, ticket, opened);

        await AdvanceTo(customer, opened + (5 * Min));
        var update = Ids.Ticket(customer, ticket, InteractionKind.TicketUpdated, fixture.Clock.GetUtcNow()) with
        {
            Ticket = new TicketDetails(ticket, null, null, "We are looking into it.", Assignee: "ana", Team: "team-emea"),
        };
        await Grains.GetGrain<ICustomerGrain>(customer).RecordInteractionsAsync([update]);
        await AdvanceTo(customer, opened + (20 * Min));

        var view = (await Grains.GetGrain<ICustomerGrain>(customer).GetCaseAsync(ticket))!;
        Assert.Equal(ClockState.Met, view.Clocks.First(c => c.Metric == SlaMetric.FirstResponse).State);
        Assert.DoesNotContain(await AlertsAsync(ticket, AlertType.SlaBreach), a => a.Metric == SlaMetric.FirstResponse);
    }

    [Fact]
    public async Task A_policy_change_in_the_configuration_applies_to_an_open_case_at_once()
    {
        var customer = await Ids.CustomerAsync(Grains, await Ids.AccountAsync(Grains));
        var ticket = TestOrganisation.NewId("T");
        var opened = fixture.Clock.GetUtcNow();
        await OpenAsync(customer, ticket, opened);
        var grain = Grains.GetGrain<ICustomerGrain>(customer);
        Assert.Equal(opened + (15 * Min), (await grain.GetCaseAsync(ticket))!.Clocks[0].DueAt);

        // A new version of the SLA area through the configuration grain, as the admin API writes it.
        var configuration = Grains.GetGrain<IConfigurationGrain>(0);
        var before = (await configuration.GetAsync(ConfigurationAreaNames.Sla, null))!;
        var document = JsonNode.Parse(before.Document)!;
        document["policies"]![0]!["targets"]!["firstResponse"] = "00:05:00";
        var written = await configuration.WriteAsync(new ConfigurationChange { Area = ConfigurationAreaNames.Sla, Document = document.ToJsonString(), Author = "test" });
        Assert.Equal(ConfigurationWriteOutcome.Written, written.Outcome);
        try
        {
            // The same anchor, the new target: due at +5 and firing there. The write answered after the
            // silo re-evaluated every active customer with open cases.
            Assert.Equal(opened + (5 * Min), (await grain.GetCaseAsync(ticket))!.Clocks[0].DueAt);
            await AdvanceTo(customer, opened + (5 * Min));
            var breach = await BreachAsync(ticket);
            Assert.Equal(opened + (5 * Min), breach.RaisedAt);
        }
        finally
        {
            var restored = await configuration.WriteAsync(new ConfigurationChange { Area = ConfigurationAreaNames.Sla, RestoreVersion = before.Version, Author = "test" });
            Assert.Equal(ConfigurationWriteOutcome.Written, restored.Outcome);
        }
    }

    private Task OpenAsync(string customer, string ticket, DateTimeOffset at) =>
        Grains.GetGrain<ICustomerGrain>(customer).RecordInteractionsAsync([Ids.Ticket(customer, ticket, InteractionKind.TicketOpened, at)]);


    /// <summary>
    /// Moves the fake clock in steps of at most a minute, so that each timer fires in its own step. After a
    /// step, a call to the customer's grain: its scheduler runs that call after the timer turn the step
    /// queued, and by then the firing (which the embedded journal takes without waiting) is applied and
    /// handed to the projection publisher. One awaited flush at the end makes the alert list current.
    /// </summary>
    private async Task AdvanceTo(string customer, DateTimeOffset target)
    {
        var grain = Grains.GetGrain<ICustomerGrain>(customer);
        while (fixture.Clock.GetUtcNow() < target)
        {
            var step = target - fixture.Clock.GetUtcNow();
            fixture.Clock.Advance(step < Min ? step : Min);
            await grain.GetAccountIdAsync();
        }

        await fixture.Service<ProjectionPublisher>().FlushAsync();
    }

    private async Task<Alert[]> AlertsAsync(string ticket, AlertType type) =>
        (await Grains.GetGrain<IDirectoryGrain>(0).QueryAlertsAsync(new AlertQuery { CaseId = ticket, Type = type })).Items;

    /// <summary>The first-response breach alert (other clocks breach later on their own).</summary>
    private async Task<Alert> BreachAsync(string ticket) =>
        Assert.Single(await AlertsAsync(ticket, AlertType.SlaBreach), a => a.Metric == SlaMetric.FirstResponse);
}
