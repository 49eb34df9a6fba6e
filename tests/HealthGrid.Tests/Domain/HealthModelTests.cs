using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Customers.Scoring;
using HealthGrid.Domain.Ingest;
using static HealthGrid.Tests.Domain.Model;

namespace HealthGrid.Tests.Domain;

public sealed class HealthModelTests
{
    private readonly HealthGrid.Domain.Customers.Scoring.HealthModelOptions options = Options();

    private HealthState NewCustomer()
    {
        var state = new HealthState();
        HealthModel.Rescore(state, options);
        return state;
    }

    [Fact]
    public void A_customer_without_evidence_scores_the_weighted_priors()
    {
        var state = NewCustomer();
        // 0.25·70 + 0.15·60 + 0.15·100 + 0.10·90 + 0.15·95 + 0.10·65 + 0.10·100 = 81.25
        Assert.Equal(81.25, state.Score, 6);
        Assert.Equal(HealthBand.Healthy, state.Band);
    }

    [Theory]
    [InlineData(SurveyType.Csat, 1, 0)]
    [InlineData(SurveyType.Csat, 5, 100)]
    [InlineData(SurveyType.Nps, 0, 0)]
    [InlineData(SurveyType.Nps, 10, 100)]
    [InlineData(SurveyType.Ces, 1, 0)]
    [InlineData(SurveyType.Ces, 7, 100)]
    [InlineData(SurveyType.Csat, 3, 50)]
    public void Survey_scores_map_onto_0_to_100_and_blend_with_the_prior(SurveyType type, int score, double observed)
    {
        var state = NewCustomer();
        HealthModel.Apply(state, "c-1", Survey(type, score, T0), 1, options);
        var satisfaction = HealthModel.ComponentValues(state, options, TimeSpan.Zero)[(int)HealthComponent.Satisfaction];
        Assert.Equal((70 + observed) / 2, satisfaction, 6); // prior strength 1
    }

    [Fact]
    public void A_bad_csat_lowers_the_score_and_the_driver_says_why_and_by_how_much()
    {
        var state = NewCustomer();
        var change = HealthModel.Apply(state, "c-1", Survey(SurveyType.Csat, 2, T0), 7, options).Change!;
        // satisfaction 70 → (70 + 25) / 2 = 47.5: −22.5 × 0.25 = −5.625
        Assert.InRange(change.Delta, -5.63, -5.62);
        var driver = Assert.Single(change.Drivers);
        Assert.Equal(HealthComponent.Satisfaction, driver.Component);
        Assert.Equal("CSAT 2/5 on 11-24", driver.Label);
        Assert.InRange(driver.Delta, -5.63, -5.62);
        Assert.Equal(7, change.Seq);
        Assert.Equal(81.25, change.Before, 2);
    }

    [Fact]
    public void Drivers_add_up_to_the_change_including_time_decay()
    {
        var state = NewCustomer();
        HealthModel.Apply(state, "c-1", Complaint(T0), 1, options);
        var change = HealthModel.Apply(state, "c-1", Survey(SurveyType.Nps, 9, T0.AddDays(20), verbatim: "Really happy with the fix, thanks"), 2, options).Change!;
        Assert.Contains(change.Drivers, d => d.Component is null && d.Label == "time decay" && d.Delta > 0);
        Assert.Contains(change.Drivers, d => d.Component == HealthComponent.Satisfaction && d.Delta > 0);
        Assert.Contains(change.Drivers, d => d.Component == HealthComponent.Sentiment && d.Label.StartsWith("survey verbatim: positive", StringComparison.Ordinal));
        Assert.Equal(change.Delta, change.Drivers.Sum(d => d.Delta), 1);
    }

    [Fact]
    public void Evidence_decays_back_to_the_prior_with_the_half_life()
    {
        var state = NewCustomer();
        HealthModel.Apply(state, "c-1", Delivery(false, 40, T0), 1, options); // 70 − 60 = 10
        var now = HealthModel.ComponentValues(state, options, TimeSpan.Zero)[(int)HealthComponent.Delivery];
        var afterHalfLife = HealthModel.ComponentValues(state, options, TimeSpan.FromDays(30))[(int)HealthComponent.Delivery];
        Assert.Equal((90 + 10) / 2.0, now, 6);
        Assert.Equal((90 + (10 * 0.5)) / 1.5, afterHalfLife, 6);
        Assert.True(HealthModel.ComponentValues(state, options, TimeSpan.FromDays(3650))[(int)HealthComponent.Delivery] > 89.99);
    }

    [Fact]
    public void Load_components_fall_with_count_and_recover_as_it_decays()
    {
        var state = NewCustomer();
        HealthModel.Apply(state, "c-1", Complaint(T0, Severity.High), 1, options); // +2.5 = scale → 50
        var values = HealthModel.ComponentValues(state, options, TimeSpan.Zero);
        Assert.Equal(50, values[(int)HealthComponent.SupportLoad], 6);
        Assert.Equal(100 * 2.5 / (2.5 + 1.25), HealthModel.ComponentValues(state, options, TimeSpan.FromDays(21))[(int)HealthComponent.SupportLoad], 6);
    }

    [Fact]
    public void A_late_event_counts_for_less_and_never_moves_the_clock_back()
    {
        var fresh = NewCustomer();
        var late = NewCustomer();
        HealthModel.Apply(fresh, "c-1", Payment(0, T0.AddDays(60)), 1, options);
        HealthModel.Apply(fresh, "c-1", Payment(30, T0.AddDays(60)), 2, options);
        HealthModel.Apply(late, "c-1", Payment(0, T0.AddDays(60)), 1, options);
        HealthModel.Apply(late, "c-1", Payment(30, T0), 2, options); // happened 60 days (one half-life) earlier
        Assert.Equal(T0.AddDays(60), late.AsOf);
        Assert.True(late.Score > fresh.Score);
    }

    [Fact]
    public void Bands_follow_the_configured_thresholds()
    {
        Assert.Equal(HealthBand.Healthy, options.BandOf(70));
        Assert.Equal(HealthBand.AtRisk, options.BandOf(69.99));
        Assert.Equal(HealthBand.AtRisk, options.BandOf(45));
        Assert.Equal(HealthBand.Critical, options.BandOf(44.99));
    }

    [Fact]
    public void A_run_of_bad_events_takes_a_customer_from_healthy_to_critical_with_the_band_change_recorded()
    {
        var state = NewCustomer();
        var events = new List<Interaction>
        {
            Survey(SurveyType.Csat, 1, T0),
            Complaint(T0.AddHours(1)),
            Message("This is the third time I'm calling, I want to cancel my contract!!!", T0.AddHours(2)),
            Payment(40, T0.AddHours(3)),
            Delivery(false, 48, T0.AddHours(4)),
            Complaint(T0.AddHours(5)),
            Ticket(InteractionKind.TicketUpdated, "T-9", T0.AddHours(6), slaBreached: true),
            Survey(SurveyType.Nps, 0, T0.AddHours(7)),
            Message("STILL NOT WORKING. Nobody has got back to me.", T0.AddHours(8), "conv-2"),
        };
        var changes = events.Select((e, i) => HealthModel.Apply(state, "c-1", e, i + 1, options).Change).OfType<ScoreChange>().ToList();
        Assert.Equal(HealthBand.Critical, state.Band);
        Assert.Contains(changes, c => c.BandBefore == HealthBand.Healthy && c.BandAfter == HealthBand.AtRisk);
        Assert.Contains(changes, c => c.BandBefore == HealthBand.AtRisk && c.BandAfter == HealthBand.Critical);
        Assert.Equal(ChurnLevel.High, state.ChurnLevel);
    }

    [Fact]
    public void Agent_messages_are_not_scored()
    {
        var state = NewCustomer();
        var update = HealthModel.Apply(state, "c-1", Message("This is terrible, cancel everything", T0, direction: MessageDirection.Agent), 1, options);
        Assert.Null(update.Change);
        Assert.Equal(81.25, state.Score, 6);
    }

    [Fact]
    public void Replaying_the_same_events_rebuilds_exactly_the_same_state()
    {
        var events = new[]
        {
            Survey(SurveyType.Nps, 3, T0), Usage(30, 100, T0.AddDays(1)), Message("not happy at all", T0.AddDays(2)),
            Payment(12, T0.AddDays(3)), Delivery(true, 0, T0.AddDays(4)), Complaint(T0.AddDays(5)),
        };
        var live = NewCustomer();
        var replayed = NewCustomer();
        foreach (var (e, i) in events.Select((e, i) => (e, i)))
        {
            HealthModel.Apply(live, "c-1", e, i, options);
        }

        foreach (var (e, i) in events.Select((e, i) => (e, i)))
        {
            HealthModel.Apply(replayed, "c-1", e, i, options);
        }

        Assert.Equal(live.Score, replayed.Score);
        Assert.Equal(live.Sums, replayed.Sums);
        Assert.Equal(live.ChurnProbability, replayed.ChurnProbability);
    }

    [Fact]
    public void A_configuration_change_applies_to_the_next_event()
    {
        var state = NewCustomer();
        HealthModel.Apply(state, "c-1", Survey(SurveyType.Csat, 1, T0), 1, options);
        var heavier = Options();
        heavier.Components[HealthComponent.Satisfaction].Weight = 1;
        var change = HealthModel.Apply(state, "c-1", Survey(SurveyType.Csat, 1, T0), 2, heavier).Change!;
        Assert.True(change.After < change.Before - 5, "with satisfaction weighing more, the same survey must move the score more");
    }
}
