using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Customers.Scoring;
using HealthGrid.Domain.Ingest;
using static HealthGrid.Tests.Domain.Cases.CustomerHarness;

namespace HealthGrid.Tests.Domain.Cases;

/// <summary>
/// Events that arrive late correct the record: a breach fired on what was known at the deadline is
/// taken back when an answer given before it arrives afterwards — the clock met at the answer's time,
/// the alert resolved with late_data, the escalation stopped, the outcome and the health recounted.
/// </summary>
public sealed class LateEventTests
{
    private static readonly TimeSpan Min = TimeSpan.FromMinutes(1);

    [Fact]
    public void An_agent_reply_that_arrives_after_the_breach_but_happened_before_the_deadline_takes_the_breach_back()
    {
        var harness = new CustomerHarness();
        harness.Apply(Ticket(InteractionKind.TicketOpened, "T-1", T0) with { ReceivedAt = T0 + 20 * Min });
        harness.FireDue(T0 + 20 * Min);
        var breach = harness.Alerts.FindLast(a => a.Type == AlertType.SlaBreach && a.Metric == SlaMetric.FirstResponse)!;
        Assert.Equal(AlertState.Raised, breach.State);

        var effects = harness.Apply(Ticket(InteractionKind.TicketUpdated, "T-1", T0 + 10 * Min, severity: null) with { ReceivedAt = T0 + 21 * Min });

        var firstResponse = harness.Case("T-1").Clocks.Single(c => c.Metric == SlaMetric.FirstResponse);
        Assert.Equal((ClockState.Met, T0 + 10 * Min, (DateTimeOffset?)null, 10 * Min), (firstResponse.State, firstResponse.CompletedAt!.Value, firstResponse.BreachedAt, firstResponse.Elapsed));
        var retracted = effects.Alerts.Single(a => a.Id == breach.Id);
        Assert.Equal((AlertState.Resolved, AlertResolutions.System, AlertResolutions.LateData, T0 + 21 * Min),
            (retracted.State, retracted.ResolvedBy, retracted.ResolvedReason, retracted.ResolvedAt!.Value));
        Assert.DoesNotContain(breach.Id, harness.State.Alerts.Keys);
        Assert.DoesNotContain(harness.Case("T-1").Escalations, x => x.Metric == SlaMetric.FirstResponse && x.Status == EscalationStatus.Active);
        // The first response turns from breached to met; the periodic update, answered too, is met.
        Assert.Equal([new SlaOutcome("support", null, Met: true, Retracted: true), new SlaOutcome("support", null, Met: true)], effects.Outcomes);
        Assert.Equal(SlaState.OnTrack, harness.Case("T-1").SlaState);

        // The breach's escalation climbs no further: its next level would have fired at T0 + 45 min.
        Assert.DoesNotContain(harness.RunUntil(T0 + 50 * Min), t => t.Kind == SlaTimerKind.Escalation && t.Metric == SlaMetric.FirstResponse);
    }

    [Fact]
    public void Health_after_the_retraction_is_what_it_would_have_been_had_the_reply_arrived_on_time()
    {
        var late = new CustomerHarness();
        late.Apply(Ticket(InteractionKind.TicketOpened, "T-1", T0));
        late.FireDue(T0 + 20 * Min);
        var breached = late.Customer.State.Health.Score;
        late.Apply(Ticket(InteractionKind.TicketUpdated, "T-1", T0 + 10 * Min, severity: null) with { ReceivedAt = T0 + 21 * Min });

        var onTime = new CustomerHarness();
        onTime.Apply(Ticket(InteractionKind.TicketOpened, "T-1", T0));
        onTime.Apply(Ticket(InteractionKind.TicketUpdated, "T-1", T0 + 10 * Min, severity: null));
        onTime.FireDue(T0 + 20 * Min);

        Assert.True(late.Customer.State.Health.Score > breached);
        var health = late.Customer.State.Health;
        Assert.Equal(0, health.Sums[(int)HealthComponent.SlaBreaches], 9);

        // The customer whose reply came on time, read at the same moment (decay runs on from its last event).
        var model = onTime.Rules.Model;
        var elapsed = health.AsOf!.Value - onTime.Customer.State.Health.AsOf!.Value;
        Assert.Equal(HealthModel.ScoreOf(HealthModel.ComponentValues(onTime.Customer.State.Health, model, elapsed), model), health.Score, 6);
        var change = late.ScoreChanges[^1];
        Assert.Contains(change.Drivers, d => d.Component == HealthComponent.SlaBreaches && d.Delta > 0 && d.Label.Contains("late data", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reply_that_happened_after_the_deadline_leaves_the_breach_standing()
    {
        var harness = new CustomerHarness();
        harness.Apply(Ticket(InteractionKind.TicketOpened, "T-1", T0));
        harness.FireDue(T0 + 20 * Min);
        var effects = harness.Apply(Ticket(InteractionKind.TicketUpdated, "T-1", T0 + 16 * Min, severity: null) with { ReceivedAt = T0 + 21 * Min });

        var firstResponse = harness.Case("T-1").Clocks.Single(c => c.Metric == SlaMetric.FirstResponse);
        Assert.Equal((ClockState.Breached, T0 + 15 * Min), (firstResponse.State, firstResponse.BreachedAt!.Value));
        Assert.DoesNotContain(effects.Outcomes, o => o.Retracted);
        Assert.Contains(harness.State.Alerts.Values, a => a.Type == AlertType.SlaBreach && a.State == AlertState.Raised);
    }

    [Fact]
    public void A_replay_of_the_log_takes_the_same_breach_back()
    {
        var live = new CustomerHarness();
        live.Apply(Ticket(InteractionKind.TicketOpened, "T-1", T0));
        live.FireDue(T0 + 20 * Min);
        live.Apply(Ticket(InteractionKind.TicketUpdated, "T-1", T0 + 10 * Min, severity: null) with { ReceivedAt = T0 + 21 * Min });

        var replayed = new CustomerHarness();
        foreach (var e in live.Applied)
        {
            replayed.Apply(e);
        }

        Assert.Equal(live.Case("T-1").Clocks, replayed.Case("T-1").Clocks);
        Assert.Equal(live.State.Alerts.Keys.Order(), replayed.State.Alerts.Keys.Order());
        Assert.Equal(live.Customer.State.Health.Score, replayed.Customer.State.Health.Score);
    }
}
