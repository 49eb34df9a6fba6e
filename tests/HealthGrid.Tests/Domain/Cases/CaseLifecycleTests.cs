using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using HealthGrid.Tests.Domain.Sla;
using static HealthGrid.Tests.Domain.Cases.CustomerHarness;
using static HealthGrid.Tests.Domain.Sla.Calendars;

namespace HealthGrid.Tests.Domain.Cases;

public sealed class CaseLifecycleTests
{
    private static readonly TimeSpan Min = TimeSpan.FromMinutes(1);

    [Fact]
    public void A_ticket_opens_a_case_under_the_first_matching_policy_with_its_clocks_running()
    {
        var harness = new CustomerHarness();
        harness.Apply(Ticket(InteractionKind.TicketOpened, "T-1", T0));

        var view = harness.Case("T-1");
        Assert.Equal(CaseStatus.Opened, view.Status);
        Assert.Equal("gold-urgent", view.Policy);
        Assert.Equal(("ana", "team-emea"), (view.Assignee, view.Team));
        Assert.Equal([SlaMetric.FirstResponse, SlaMetric.PeriodicUpdate, SlaMetric.Resolution], view.Clocks.Select(c => c.Metric));
        Assert.Equal(T0 + 15 * Min, view.Clocks[0].DueAt);
        Assert.Equal(SlaState.OnTrack, view.SlaState);
        // The next thing due is the 75% warning of the first response.
        Assert.Equal(T0 + TimeSpan.FromSeconds(675), harness.Next);
        Assert.Single(view.History);
    }

    [Fact]
    public void A_read_counts_elapsed_business_time_to_its_moment_and_pauses_are_left_out()
    {
        var harness = new CustomerHarness();
        harness.Apply(Ticket(InteractionKind.TicketOpened, "T-1", T0));
        Assert.Equal(10 * Min, harness.Customer.Case("T-1", harness.Rules, T0 + 10 * Min)!.Clocks.Single(c => c.Metric == SlaMetric.Resolution).Elapsed);

        harness.Apply(Ticket(InteractionKind.TicketUpdated, "T-1", T0 + 20 * Min, severity: null, status: CaseStatus.WaitingOnCustomer));
        var paused = harness.Customer.Case("T-1", harness.Rules, T0 + H(5))!;
        Assert.Equal(20 * Min, paused.Clocks.Single(c => c.Metric == SlaMetric.Resolution).Elapsed);
    }

    [Fact]
    public void A_ticket_in_a_categorization_code_belongs_to_that_codes_process_owner()
    {
        var harness = new CustomerHarness();
        harness.Apply(Ticket(InteractionKind.TicketOpened, "T-1", T0) with { Ticket = new TicketDetails("T-1", Severity.Low, "BILL-DUP", null) });
        var view = harness.Case("T-1");
        Assert.Equal(("billing", "po-billing", "standard"), (view.Process, view.ProcessOwner, view.Policy));
    }

    [Fact]
    public void The_warning_goes_to_the_assignee_and_team_and_the_breach_fires_at_the_due_time()
    {
        var harness = new CustomerHarness();
        harness.Apply(Ticket(InteractionKind.TicketOpened, "T-1", T0));

        var fired = harness.RunUntil(T0 + 15 * Min);

        Assert.Equal([SlaTimerKind.Warning, SlaTimerKind.Breach], fired.Where(f => f.Metric == SlaMetric.FirstResponse).Select(f => f.Kind));
        var warning = harness.Alerts.Single(a => a.Type == AlertType.SlaWarning);
        Assert.Equal(["user:ana", "team:team-emea"], warning.Audiences.Select(a => a.Group));
        var breach = harness.Alerts.Single(a => a.Type == AlertType.SlaBreach);
        Assert.Equal((T0 + 15 * Min, SlaMetric.FirstResponse, 0), (breach.RaisedAt, breach.Metric!.Value, breach.EscalationLevel!.Value));
        Assert.Equal(["user:ana"], breach.Audiences.Select(a => a.Group));
        Assert.Null(breach.LateBy);
        Assert.Equal(SlaState.Breached, harness.Case("T-1").SlaState);
        Assert.Contains(harness.Outcomes, o => !o.Met);
    }

    [Fact]
    public void A_breach_counts_against_the_customers_health_and_warnings_do_not()
    {
        var harness = new CustomerHarness();
        harness.Apply(Ticket(InteractionKind.TicketOpened, "T-1", T0));
        var changesBefore = harness.ScoreChanges.Count;
        harness.RunUntil(T0 + 15 * Min);

        var change = Assert.Single(harness.ScoreChanges.Skip(changesBefore));
        Assert.StartsWith("sla.c-1.T-1.FirstResponse.0.Breach", change.EventId, StringComparison.Ordinal);
        var driver = Assert.Single(change.Drivers, d => d.Component == HealthComponent.SlaBreaches);
        Assert.True(driver.Delta < 0);
        Assert.Equal("case T-1 breached its first response target", driver.Label);
    }

    [Fact]
    public void An_unacknowledged_breach_climbs_the_chain_level_by_level_and_acknowledging_stops_it()
    {
        var harness = new CustomerHarness();
        harness.Apply(Ticket(InteractionKind.TicketOpened, "T-1", T0));
        harness.RunUntil(T0 + 15 * Min);
        var id = harness.Alerts.Single(a => a.Type == AlertType.SlaBreach).Id;

        // Assignee at +15, team at +25, process owner (none here: leadership) at +35.
        harness.RunUntil(T0 + 25 * Min);
        Assert.Equal(["user:ana", "team:team-emea"], harness.Alert(id).Audiences.Select(a => a.Group));
        Assert.Equal(1, harness.Alert(id).EscalationLevel);
        harness.RunUntil(T0 + 35 * Min);
        Assert.Equal(["user:ana", "team:team-emea", "leadership"], harness.Alert(id).Audiences.Select(a => a.Group));

        harness.Apply(AlertAction(id, AlertState.Acknowledged, T0 + 40 * Min, by: "lead"));
        var acknowledged = harness.Alert(id);
        Assert.Equal((AlertState.Acknowledged, "lead"), (acknowledged.State, acknowledged.AcknowledgedBy));
        Assert.Equal(EscalationStatus.Acknowledged, harness.Case("T-1").Escalations.Single().Status);

        // Nothing for this breach fires any more (the other clocks keep their own timers).
        var later = harness.RunUntil(T0 + H(3));
        Assert.DoesNotContain(later, t => t.Kind == SlaTimerKind.Escalation && t.Metric == SlaMetric.FirstResponse);
        Assert.Equal(2, harness.Alert(id).EscalationLevel);
    }

    [Fact]
    public void An_exhausted_chain_stops_after_the_last_repeat()
    {
        var harness = new CustomerHarness();
        harness.Apply(Ticket(InteractionKind.TicketOpened, "T-1", T0));
        harness.RunUntil(T0 + H(3.9));
        var escalation = harness.Case("T-1").Escalations.Single(e => e.Metric == SlaMetric.FirstResponse);
        Assert.Equal(EscalationStatus.Exhausted, escalation.Status);
        // 8 steps: 4 levels, twice. The last alerts leadership again at +15 + (10+10+15+30)·2 − 30 = +115 minutes.
        var steps = harness.Applied.Count(e => e.Timer is { Kind: SlaTimerKind.Escalation, Metric: SlaMetric.FirstResponse });
        Assert.Equal(7, steps);
        Assert.Equal(T0 + 115 * Min, harness.Applied.Last(e => e.Timer is { Kind: SlaTimerKind.Escalation, Metric: SlaMetric.FirstResponse }).OccurredAt);
    }

    [Fact]
    public void Critical_customers_start_at_the_team_supervisor()
    {
        var harness = new CustomerHarness(EscalationTests.Profile(Tier.Platinum, Criticality.Critical));
        harness.Apply(Ticket(InteractionKind.TicketOpened, "T-1", T0));
        harness.RunUntil(T0 + 15 * Min);
        var breach = harness.Alerts.Single(a => a.Type == AlertType.SlaBreach);
        Assert.Equal((1, AlertSeverity.Critical), (breach.EscalationLevel!.Value, breach.Severity));
        Assert.Equal(["team:team-emea"], breach.Audiences.Select(a => a.Group));
    }

    [Fact]
    public void An_agent_response_meets_the_first_response_and_a_customer_reply_owes_a_next_one()
    {
        var harness = new CustomerHarness();
        harness.Apply(Ticket(InteractionKind.TicketOpened, "T-1", T0));
        harness.Apply(Ticket(InteractionKind.TicketUpdated, "T-1", T0 + 5 * Min, severity: null));
        Assert.Equal(ClockState.Met, harness.Case("T-1").Clocks.First(c => c.Metric == SlaMetric.FirstResponse).State);
        Assert.Contains(harness.Outcomes, o => o.Met);

        harness.Apply(Ticket(InteractionKind.TicketUpdated, "T-1", T0 + 20 * Min, severity: null, author: MessageDirection.Customer));
        var next = harness.Case("T-1").Clocks.Single(c => c.Metric == SlaMetric.NextResponse);
        Assert.Equal(T0 + 50 * Min, next.DueAt);

        harness.Apply(Ticket(InteractionKind.TicketUpdated, "T-1", T0 + 30 * Min, severity: null));
        Assert.Equal(ClockState.Met, harness.Case("T-1").Clocks.Single(c => c.Metric == SlaMetric.NextResponse).State);
        // The agent's update also restarted the periodic-update clock.
        Assert.Equal(T0 + 90 * Min, harness.Case("T-1").Clocks.Last(c => c.Metric == SlaMetric.PeriodicUpdate).DueAt);
    }

    [Fact]
    public void Responding_after_a_breach_stops_its_escalation()
    {
        var harness = new CustomerHarness();
        harness.Apply(Ticket(InteractionKind.TicketOpened, "T-1", T0));
        harness.RunUntil(T0 + 20 * Min);
        harness.Apply(Ticket(InteractionKind.TicketUpdated, "T-1", T0 + 21 * Min, severity: null));
        var escalation = harness.Case("T-1").Escalations.Single();
        Assert.Equal(EscalationStatus.Closed, escalation.Status);
        Assert.Equal(ClockState.Breached, harness.Case("T-1").Clocks.First().State);
    }

    [Fact]
    public void Waiting_on_the_customer_pauses_every_clock_and_their_reply_resumes_them()
    {
        var harness = new CustomerHarness();
        harness.Apply(Ticket(InteractionKind.TicketOpened, "T-1", T0));
        harness.Apply(Ticket(InteractionKind.TicketUpdated, "T-1", T0 + 5 * Min, severity: null, status: CaseStatus.WaitingOnCustomer));
        var paused = harness.Case("T-1");
        Assert.Equal(SlaState.Paused, paused.SlaState);
        Assert.All(paused.Clocks.Where(c => c.State != ClockState.Met), c => Assert.Equal(ClockState.Paused, c.State));
        Assert.Null(harness.Next);

        harness.Apply(Ticket(InteractionKind.TicketUpdated, "T-1", T0 + H(2), severity: null, author: MessageDirection.Customer));
        var resumed = harness.Case("T-1");
        Assert.Equal(CaseStatus.Investigating, resumed.Status);
        // Resolution had 5 minutes used of 4 hours: due 3 h 55 min after the reply.
        Assert.Equal(T0 + H(2) + H(4) - 5 * Min, resumed.Clocks.Single(c => c.Metric == SlaMetric.Resolution).DueAt);
        Assert.Equal([CaseStatus.Opened, CaseStatus.WaitingOnCustomer, CaseStatus.Investigating], resumed.History.Select(h => h.To));
    }

    [Fact]
    public void Resolving_stops_the_clocks_and_resolves_the_cases_alerts_and_closing_releases_it()
    {
        var harness = new CustomerHarness();
        harness.Apply(Ticket(InteractionKind.TicketOpened, "T-1", T0));
        harness.RunUntil(T0 + 16 * Min);
        harness.Apply(Act("T-1", CaseAction.Resolve, T0 + 30 * Min));

        var resolved = harness.Case("T-1");
        Assert.Equal((CaseStatus.Resolved, T0 + 30 * Min), (resolved.Status, resolved.ResolvedAt!.Value));
        Assert.Equal(ClockState.Met, resolved.Clocks.Single(c => c.Metric == SlaMetric.Resolution).State);
        Assert.All(harness.State.Alerts.Values, a => Assert.NotEqual(resolved.Id, a.CaseId));
        Assert.All(harness.Alerts.Where(a => a.CaseId == "T-1").GroupBy(a => a.Id).Select(g => g.Last()), a => Assert.Equal(AlertState.Resolved, a.State));
        Assert.Null(harness.Next);
        Assert.Equal("sam", resolved.History[^1].By);

        harness.Apply(Ticket(InteractionKind.TicketUpdated, "T-1", T0 + H(1), severity: null, status: CaseStatus.Closed));
        Assert.False(harness.State.Cases.ContainsKey("T-1"));
    }

    [Fact]
    public void A_resolved_case_reopened_runs_a_new_resolution_clock()
    {
        var harness = new CustomerHarness();
        harness.Apply(Ticket(InteractionKind.TicketOpened, "T-1", T0));
        harness.Apply(Ticket(InteractionKind.TicketResolved, "T-1", T0 + 10 * Min, severity: null));
        harness.Apply(Ticket(InteractionKind.TicketUpdated, "T-1", T0 + H(1), severity: null, status: CaseStatus.Investigating, author: MessageDirection.Customer));
        var view = harness.Case("T-1");
        Assert.True(view.IsOpen);
        Assert.Equal(T0 + H(5), view.Clocks.Last(c => c.Metric == SlaMetric.Resolution).DueAt);
    }

    [Fact]
    public void Acknowledging_the_case_counts_as_the_first_response()
    {
        var harness = new CustomerHarness();
        harness.Apply(Ticket(InteractionKind.TicketOpened, "T-1", T0));
        harness.Apply(Act("T-1", CaseAction.Acknowledge, T0 + 3 * Min));
        var view = harness.Case("T-1");
        Assert.Equal(CaseStatus.Acknowledged, view.Status);
        Assert.Equal(ClockState.Met, view.Clocks.First(c => c.Metric == SlaMetric.FirstResponse).State);
    }

    [Fact]
    public void Raising_the_severity_moves_the_case_to_the_stricter_policy_keeping_its_anchors()
    {
        var harness = new CustomerHarness();
        // Tuesday 10:00 Amsterdam, medium severity: the standard policy in business hours.
        harness.Apply(Ticket(InteractionKind.TicketOpened, "T-1", T0, severity: Severity.Medium));
        Assert.Equal("standard", harness.Case("T-1").Policy);
        Assert.Equal(T0 + H(4), harness.Case("T-1").Clocks.First().DueAt);

        harness.Apply(Ticket(InteractionKind.TicketUpdated, "T-1", T0 + 5 * Min, severity: Severity.Critical, author: MessageDirection.Customer));
        var view = harness.Case("T-1");
        Assert.Equal("gold-urgent", view.Policy);
        Assert.Equal(T0 + 15 * Min, view.Clocks.First().DueAt);
    }

    [Fact]
    public void A_policy_change_applies_to_open_cases_at_once()
    {
        var harness = new CustomerHarness();
        harness.Apply(Ticket(InteractionKind.TicketOpened, "T-1", T0));
        var stricter = Options();
        stricter.Policies[0].Targets.FirstResponse = TimeSpan.FromMinutes(10);
        stricter.Policies[0].Targets.Resolution = H(2);

        harness.ChangePolicies(stricter, T0 + 2 * Min);

        var view = harness.Case("T-1");
        Assert.Equal(T0 + 10 * Min, view.Clocks.First().DueAt);
        Assert.Equal(T0 + H(2), view.Clocks.Single(c => c.Metric == SlaMetric.Resolution).DueAt);
        Assert.Equal(T0 + 7.5 * Min, harness.Next);
    }

    [Fact]
    public void A_policy_change_that_drops_a_metric_cancels_its_clock()
    {
        var harness = new CustomerHarness();
        harness.Apply(Ticket(InteractionKind.TicketOpened, "T-1", T0));
        var fewer = Options();
        fewer.Policies[0].Targets.PeriodicUpdate = null;
        harness.ChangePolicies(fewer, T0 + Min);
        Assert.Equal(ClockState.Cancelled, harness.Case("T-1").Clocks.Single(c => c.Metric == SlaMetric.PeriodicUpdate).State);
    }

    [Fact]
    public void A_timer_fired_late_says_how_late()
    {
        var harness = new CustomerHarness();
        harness.Apply(Ticket(InteractionKind.TicketOpened, "T-1", T0));
        harness.FireDue(T0 + 20 * Min);
        var breach = harness.Alerts.Single(a => a.Type == AlertType.SlaBreach);
        Assert.Equal(5 * Min, breach.LateBy);
        Assert.Equal(T0 + 15 * Min, breach.RaisedAt);
    }

    [Fact]
    public void A_timer_applied_twice_fires_once()
    {
        var harness = new CustomerHarness();
        harness.Apply(Ticket(InteractionKind.TicketOpened, "T-1", T0));
        harness.RunUntil(T0 + 15 * Min);
        var breach = harness.Applied.Last(e => e.Timer is { Kind: SlaTimerKind.Breach });
        var effects = harness.Apply(breach with { EventId = "again" });
        Assert.Empty(effects.Alerts);
        Assert.Single(harness.Case("T-1").Escalations);
    }

    [Fact]
    public void Replaying_the_same_events_rebuilds_the_same_cases_and_alerts()
    {
        var live = new CustomerHarness();
        live.Apply(Ticket(InteractionKind.TicketOpened, "T-1", T0));
        live.Apply(Ticket(InteractionKind.TicketUpdated, "T-1", T0 + 2 * Min, severity: null, author: MessageDirection.Customer));
        live.RunUntil(T0 + 30 * Min);
        var breach = live.Alerts.First(a => a.Type == AlertType.SlaBreach).Id;
        live.Apply(AlertAction(breach, AlertState.Acknowledged, T0 + 31 * Min));
        live.RunUntil(T0 + H(2));

        var replay = new CustomerHarness();
        foreach (var e in live.Applied)
        {
            replay.Apply(e);
        }

        Assert.Equal(Json(live.Case("T-1")), Json(replay.Case("T-1")));
        Assert.Equal(live.Alerts.Select(Json), replay.Alerts.Select(Json));
        Assert.Equal(live.State.Alerts.Keys.Order(), replay.State.Alerts.Keys.Order());

        // The live side remembered each case's next timer along the way; the replay computes it once, at the end.
        Assert.Equal(replay.Next, live.Next);
    }

    [Fact]
    public void A_complaint_opens_a_case_owned_by_the_process_owner_of_its_code()
    {
        var harness = new CustomerHarness(EscalationTests.Profile(Tier.Silver, Criticality.Medium));
        harness.Apply(new Interaction
        {
            EventId = "complaint-1",
            CustomerId = "c-1",
            OccurredAt = T0,
            ReceivedAt = T0,
            Channel = Channel.Email,
            Kind = InteractionKind.Complaint,
            Complaint = new ComplaintDetails("BILL-DUP", Severity.Medium, "charged twice", CaseId: "CMP-1", Team: "billing-desk"),
        });
        var view = harness.Case("CMP-1");
        Assert.Equal((CaseOrigin.Complaint, "po-billing", "BILL-DUP", "standard"), (view.Origin, view.ProcessOwner, view.Category, view.Policy));

        // Breach after 4 business hours; the team first, the process owner two hours later.
        harness.RunUntil(T0 + H(6));
        var breach = harness.Alerts.Last(a => a.Type == AlertType.SlaBreach);
        Assert.Equal(["team:billing-desk", "owner:po-billing"], breach.Audiences.Select(a => a.Group));
    }

    [Fact]
    public void Resolved_cases_leave_the_live_state_once_kept_long_enough_and_open_ones_stay()
    {
        var harness = new CustomerHarness();
        harness.Apply(Ticket(InteractionKind.TicketOpened, "T-old", T0));
        harness.Apply(Ticket(InteractionKind.TicketResolved, "T-old", T0 + H(1)));
        harness.Apply(Ticket(InteractionKind.TicketOpened, "T-open", T0 + H(2)));
        harness.Apply(Ticket(InteractionKind.TicketOpened, "T-recent", T0 + H(3)));
        harness.Apply(Ticket(InteractionKind.TicketResolved, "T-recent", T0 + harness.Sla.KeepResolvedFor));
        Assert.Equal(["T-old", "T-open", "T-recent"], harness.State.Cases.Keys.Order());

        // The next event after the keep period of T-old purges it; T-recent was resolved too recently.
        harness.Apply(Ticket(InteractionKind.TicketUpdated, "T-open", T0 + H(1) + harness.Sla.KeepResolvedFor + Min));
        Assert.Equal(["T-open", "T-recent"], harness.State.Cases.Keys.Order());
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value);
}
