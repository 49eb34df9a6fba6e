using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Activity;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Customers.Text;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.ProcessOwners;
using HealthGrid.Tests.Domain.Sla;
using static HealthGrid.Tests.Domain.Cases.CustomerHarness;

namespace HealthGrid.Tests.Domain.Cases;

public sealed class AlertRuleTests
{
    private static readonly TimeSpan Min = TimeSpan.FromMinutes(1);

    private static Interaction Live(string text, DateTimeOffset at, string conversation = "conv-1", bool live = true, string? team = "team-emea") => new()
    {
        EventId = Guid.NewGuid().ToString("N"),
        CustomerId = "c-1",
        OccurredAt = at,
        ReceivedAt = at,
        Channel = Channel.Chat,
        Kind = InteractionKind.Message,
        Message = new MessageDetails(conversation, text, live, MessageDirection.Customer, team),
    };

    [Fact]
    public void A_frustrated_live_message_alerts_the_team_with_health_tier_and_cues()
    {
        var harness = new CustomerHarness();
        harness.Apply(Live("Hello, I have a question about my invoice", T0));
        Assert.Empty(harness.Alerts);

        harness.Apply(Live("This is the third time I'm calling, I want to speak to a manager", T0 + Min));

        var alert = Assert.Single(harness.Alerts);
        Assert.Equal((AlertType.Frustration, AlertSeverity.High, "team-emea"), (alert.Type, alert.Severity, alert.Team));
        Assert.Equal(["team:team-emea"], alert.Audiences.Select(a => a.Group));
        Assert.Equal((Tier.Gold, "conv-1"), (alert.CustomerTier!.Value, alert.InteractionId));
        Assert.NotNull(alert.CustomerHealth);
        Assert.Contains(IntentCuesOf("I want to speak to a manager"), alert.Cues);
    }

    [Fact]
    public void More_frustration_in_the_same_conversation_updates_one_alert_and_makes_it_critical()
    {
        var harness = new CustomerHarness();
        for (var i = 0; i < 4; i++)
        {
            harness.Apply(Live("This is unacceptable, I want to cancel my contract", T0 + (i * Min)));
        }

        var ids = harness.Alerts.Select(a => a.Id).Distinct().ToList();
        Assert.Single(ids);
        var last = harness.Alert(ids[0]);
        Assert.Equal((AlertSeverity.Critical, 4.0), (last.Severity, last.Count!.Value));
        Assert.Equal([AlertSeverity.High, AlertSeverity.High, AlertSeverity.Critical, AlertSeverity.Critical], harness.Alerts.Select(a => a.Severity));

        // Another conversation is another alert.
        harness.Apply(Live("I want to cancel my contract", T0 + (5 * Min), conversation: "conv-2"));
        Assert.Equal(2, harness.Alerts.Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public void Frustration_outside_a_live_conversation_raises_nothing()
    {
        var harness = new CustomerHarness();
        harness.Apply(Live("I want to cancel my contract", T0, live: false));
        Assert.Empty(harness.Alerts);
    }

    [Fact]
    public void A_conversation_idle_past_the_limit_is_over_and_frustration_after_it_is_a_new_alert()
    {
        var harness = new CustomerHarness();
        harness.Apply(Live("I want to cancel my contract", T0));
        harness.Apply(Live("I want to cancel my contract", T0 + TimeSpan.FromHours(2)));
        Assert.Equal(2, harness.Alerts.Select(a => a.Id).Distinct().Count());
        var first = harness.Alert(harness.Alerts[0].Id);
        Assert.Equal((AlertState.Resolved, "healthgrid"), (first.State, first.ResolvedBy));
    }

    [Fact]
    public void A_conversation_ending_resolves_its_alert()
    {
        var harness = new CustomerHarness();
        harness.Apply(Live("I want to cancel my contract", T0));
        harness.Apply(Live("Thanks for the call, I will wait for your email.", T0 + Min, live: false));
        Assert.Equal(AlertState.Resolved, harness.Alert(harness.Alerts[0].Id).State);
        Assert.Empty(harness.State.Alerts);
        Assert.Empty(harness.State.Live);
    }

    [Fact]
    public void A_resolved_frustration_alert_is_not_reopened_by_more_frustration()
    {
        var harness = new CustomerHarness();
        harness.Apply(Live("I want to cancel my contract", T0));
        var first = harness.Alerts[0].Id;
        harness.Apply(AlertAction(first, AlertState.Resolved, T0 + Min));
        harness.Apply(Live("I want to cancel my contract, now", T0 + (2 * Min)));
        Assert.Equal(AlertState.Resolved, harness.Alert(first).State);
        Assert.Contains(harness.State.Alerts.Values, a => a.Type == AlertType.Frustration && a.Id != first);
    }

    [Fact]
    public void A_conversation_without_a_team_goes_to_the_unassigned_queue()
    {
        var harness = new CustomerHarness();
        harness.Apply(Live("I want to cancel my contract", T0, team: null));
        Assert.Equal("team:unassigned", harness.Alerts.Single().Audiences.Single().Group);
    }

    [Fact]
    public void Falling_into_a_worse_band_alerts_the_account_manager_and_critical_customers_reach_leadership()
    {
        var normal = HealthDrop(EscalationTests.Profile(Tier.Silver, Criticality.Medium));
        var band = normal.Alerts.First(a => a.Id.Contains(".band.", StringComparison.Ordinal));
        Assert.Equal(["account:acc-1"], band.Audiences.Select(a => a.Group));
        Assert.Contains(normal.Alerts, a => a.Id.Contains(".drop.", StringComparison.Ordinal));

        var critical = HealthDrop(EscalationTests.Profile(Tier.Silver, Criticality.Critical));
        Assert.All(critical.Alerts.Where(a => a.Type == AlertType.CustomerHealth), a => Assert.Equal(["account:acc-1", "leadership"], a.Audiences.Select(x => x.Group)));
    }

    [Fact]
    public void A_customer_has_one_band_alert_that_follows_it_down_and_resolves_when_it_recovers()
    {
        var harness = HealthDrop(EscalationTests.Profile(Tier.Silver, Criticality.Medium));
        for (var i = 0; harness.State.Health.Band != HealthBand.Critical && i < 200; i++)
        {
            var at = T0 + TimeSpan.FromMinutes(10) + (i * Min);
            harness.Apply(new Interaction
            {
                EventId = $"late-{i}", CustomerId = "c-1", OccurredAt = at, ReceivedAt = at, Channel = Channel.System, Kind = InteractionKind.Payment,
                Payment = new PaymentDetails(120),
            });
        }

        var bands = harness.Alerts.Where(a => a.Id.Contains(".band.", StringComparison.Ordinal)).ToList();
        Assert.Single(bands.Select(a => a.Id).Distinct());
        Assert.Equal(HealthBand.Critical, harness.State.Health.Band);
        Assert.Equal((AlertSeverity.Warning, AlertSeverity.High), (bands[0].Severity, bands[^1].Severity));

        for (var i = 0; harness.State.Health.Band != HealthBand.Healthy && i < 200; i++)
        {
            var at = T0 + TimeSpan.FromHours(1) + (i * Min);
            harness.Apply(new Interaction
            {
                EventId = $"praise-{i}", CustomerId = "c-1", OccurredAt = at, ReceivedAt = at, Channel = Channel.Survey, Kind = InteractionKind.Survey,
                Survey = new SurveyDetails(SurveyType.Nps, 10, "Excellent service, thank you!"),
            });
            harness.Apply(new Interaction
            {
                EventId = $"paid-{i}", CustomerId = "c-1", OccurredAt = at, ReceivedAt = at, Channel = Channel.System, Kind = InteractionKind.Payment,
                Payment = new PaymentDetails(0),
            });
        }

        Assert.Equal(HealthBand.Healthy, harness.State.Health.Band);
        var last = harness.Alert(bands[0].Id);
        Assert.Equal((AlertState.Resolved, "healthgrid"), (last.State, last.ResolvedBy));
        Assert.Null(harness.State.BandAlertId);
    }

    [Fact]
    public void A_drop_alert_is_raised_once_per_window()
    {
        var harness = HealthDrop(EscalationTests.Profile(Tier.Silver, Criticality.Medium));
        var drops = harness.Alerts.Where(a => a.Id.Contains(".drop.", StringComparison.Ordinal)).Select(a => a.Id).Distinct();
        Assert.Single(drops);
    }

    private static CustomerHarness HealthDrop(CustomerProfile profile)
    {
        var harness = new CustomerHarness(profile);
        for (var i = 0; i < 6; i++)
        {
            harness.Apply(new Interaction
            {
                EventId = $"survey-{i}",
                CustomerId = "c-1",
                OccurredAt = T0 + (i * Min),
                ReceivedAt = T0 + (i * Min),
                Channel = Channel.Survey,
                Kind = InteractionKind.Survey,
                Survey = new SurveyDetails(SurveyType.Nps, 0, "Terrible service, we are switching to a competitor"),
            });
            harness.Apply(new Interaction
            {
                EventId = $"payment-{i}",
                CustomerId = "c-1",
                OccurredAt = T0 + (i * Min),
                ReceivedAt = T0 + (i * Min),
                Channel = Channel.System,
                Kind = InteractionKind.Payment,
                Payment = new PaymentDetails(90),
            });
        }

        return harness;
    }

    [Fact]
    public void Theme_counts_slide_with_the_window()
    {
        var buckets = new TimeBuckets<ThemeBucket> { WidthSeconds = 60 };
        var key = ThemeStatistics.Key("BILL-DUP", "emea", "billing");
        for (var minute = 0; minute < 90; minute += 10)
        {
            ThemeStatistics.Add(buckets, new ThemeActivity(T0 + (minute * Min), [new ThemeCount("BILL-DUP", "emea", "billing", 2)]));
        }

        // At +90 min the last hour holds the complaints of minutes 30 to 80 (with the bucket at the window's edge).
        Assert.Equal(12, ThemeEscalations.CountInWindow(buckets, key, T0 + (90 * Min), TimeSpan.FromHours(1)));
        Assert.Equal(2, ThemeEscalations.CountInWindow(buckets, key, T0 + (90 * Min), TimeSpan.FromMinutes(10)));
        Assert.Equal(0, ThemeEscalations.CountInWindow(buckets, ThemeStatistics.Key("BILL-DUP", "amer", "billing"), T0 + (90 * Min), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Themes_open_at_the_owner_threshold_reach_leadership_higher_and_close_below_half()
    {
        var thresholds = new ThemeThresholdSettings { Owner = 10, Leadership = 20 };
        Assert.Equal(ThemeDecision.None, ThemeEscalations.Decide(null, 9, thresholds));
        Assert.Equal(ThemeDecision.Open, ThemeEscalations.Decide(null, 10, thresholds));
        var episode = new ThemeEpisode { Count = 10 };
        Assert.Equal(ThemeDecision.None, ThemeEscalations.Decide(episode, 10, thresholds));
        Assert.Equal(ThemeDecision.Update, ThemeEscalations.Decide(episode, 12, thresholds));
        Assert.Equal(ThemeDecision.Escalate, ThemeEscalations.Decide(episode, 20, thresholds));
        episode.Leadership = true;
        Assert.Equal(ThemeDecision.Update, ThemeEscalations.Decide(episode, 25, thresholds));
        // Hovering under the line does not flap; falling below half closes.
        Assert.Equal(ThemeDecision.Update, ThemeEscalations.Decide(episode, 6, thresholds));
        Assert.Equal(ThemeDecision.Close, ThemeEscalations.Decide(episode, 4, thresholds));
    }

    [Fact]
    public void Alerts_move_forward_only_and_record_who_acted()
    {
        var at = T0 + Min;
        var raised = new Alert
        {
            Id = "a-1", Type = AlertType.SlaBreach, Severity = AlertSeverity.High, State = AlertState.Raised, Message = "m",
            Audiences = [Audience.Leadership], OwnerKind = AlertOwnerKind.Customer, OwnerId = "c-1", RaisedAt = T0, UpdatedAt = T0, Version = 1,
        };
        var acknowledged = AlertLifecycle.Act(raised, AlertState.Acknowledged, "sam", at, 2)!;
        Assert.Equal(("sam", at, 2L), (acknowledged.AcknowledgedBy, acknowledged.AcknowledgedAt!.Value, acknowledged.Version));
        Assert.Null(AlertLifecycle.Act(acknowledged, AlertState.Acknowledged, "kim", at, 3));
        var resolved = AlertLifecycle.Act(acknowledged, AlertState.Resolved, "kim", at, 3)!;
        Assert.Equal(("sam", "kim", false), (resolved.AcknowledgedBy, resolved.ResolvedBy, resolved.IsOpen));
        Assert.Null(AlertLifecycle.Act(resolved, AlertState.Acknowledged, "sam", at, 4));
        Assert.NotNull(AlertLifecycle.Act(raised, AlertState.Resolved, "kim", at, 2));
    }

    [Fact]
    public void Alert_ids_are_stable_and_safe()
    {
        Assert.Equal("sla-breach.c-1.t-1-2.firstresponse.0", AlertIds.Of("sla-breach", "c-1", "T 1/2", "FirstResponse", 0));
        Assert.Equal(AlertIds.Of("x", 1), AlertIds.Of("x", 1));
    }

    [Fact]
    public void An_account_is_a_concentration_risk_only_with_a_large_share_and_poor_health()
    {
        AccountRollup Rollup(decimal revenue, HealthBand band) => new(3, revenue, 50, band, new BandCounts(1, 1, 1), revenue / 2);
        Assert.True(ConcentrationRisk.Applies(Rollup(200, HealthBand.AtRisk), 1000, 0.1));
        Assert.True(ConcentrationRisk.Applies(Rollup(100, HealthBand.Critical), 1000, 0.1));
        Assert.False(ConcentrationRisk.Applies(Rollup(99, HealthBand.Critical), 1000, 0.1));
        Assert.False(ConcentrationRisk.Applies(Rollup(500, HealthBand.Healthy), 1000, 0.1));
        Assert.False(ConcentrationRisk.Applies(Rollup(0, HealthBand.Critical), 0, 0.1));
        Assert.Equal(0.2, ConcentrationRisk.ShareOf(Rollup(200, HealthBand.AtRisk), 1000));
    }

    private static string IntentCuesOf(string text) => TextAnalyzer.Analyze(text).Cues.Single();
}
