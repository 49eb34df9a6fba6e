using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Customers.Scoring;
using HealthGrid.Domain.Ingest;
using static HealthGrid.Tests.Domain.Model;

namespace HealthGrid.Tests.Domain;

public sealed class ChurnModelTests
{
    private readonly ChurnModelSettings settings = new();

    [Fact]
    public void No_lag_indicators_and_full_health_is_low_risk_at_the_intercept()
    {
        var risk = ChurnModel.Evaluate(new ChurnFeatures(0, 0, 0, 0, 0, 0), settings);
        Assert.Equal(1 / (1 + Math.Exp(3.2)), risk.Probability, 4);
        Assert.Equal(ChurnLevel.Low, risk.Level);
    }

    [Fact]
    public void Each_factor_contributes_its_coefficient_times_its_value_and_the_largest_comes_first()
    {
        var risk = ChurnModel.Evaluate(new ChurnFeatures(SupportLoad: 4, RepeatContacts: 2, PaymentDaysLate: 30, UsageDrop: 0.25, ScoreDrop: 0.2, HealthDeficit: 0.5), settings);
        var z = -3.2 + (0.15 * 4) + (0.35 * 2) + (0.06 * 30) + (4 * 0.25) + (5 * 0.2) + (2.5 * 0.5);
        Assert.Equal(Math.Round(1 / (1 + Math.Exp(-z)), 4), risk.Probability);
        Assert.Equal(ChurnLevel.High, risk.Level);
        Assert.Equal("payment days late", risk.Factors[0].Name);
        Assert.Equal(1.8, risk.Factors[0].Contribution, 3);
    }

    [Theory]
    [InlineData(0.19, ChurnLevel.Low)]
    [InlineData(0.2, ChurnLevel.Medium)]
    [InlineData(0.5, ChurnLevel.High)]
    public void Levels_follow_the_thresholds(double probability, ChurnLevel level)
    {
        // Choose the intercept so that the model answers exactly this probability.
        var exact = new ChurnModelSettings { Intercept = Math.Log(probability / (1 - probability)) };
        Assert.Equal(level, ChurnModel.Evaluate(new ChurnFeatures(0, 0, 0, 0, 0, 0), exact).Level);
    }

    [Fact]
    public void Falling_usage_is_a_usage_drop()
    {
        var options = Options();
        var state = new HealthState();
        for (var day = 0; day < 60; day += 5)
        {
            HealthModel.Apply(state, "c-1", Usage(90, 100, T0.AddDays(day)), day, options);
        }

        var before = HealthModel.Features(state, state.Score, TimeSpan.Zero, state.AsOf!.Value, options).UsageDrop;
        for (var day = 60; day < 75; day += 5)
        {
            HealthModel.Apply(state, "c-1", Usage(20, 100, T0.AddDays(day)), day, options);
        }

        var after = HealthModel.Features(state, state.Score, TimeSpan.Zero, state.AsOf!.Value, options).UsageDrop;
        Assert.Equal(0, before, 3);
        Assert.True(after > 0.2, $"usage drop {after}");
    }

    [Fact]
    public void A_falling_score_is_a_score_drop_over_the_window()
    {
        var options = Options();
        var state = new HealthState();
        HealthModel.Rescore(state, options);
        HealthModel.Apply(state, "c-1", Survey(SurveyType.Nps, 10, T0), 1, options);
        var then = state.Score;
        HealthModel.Apply(state, "c-1", Survey(SurveyType.Nps, 0, T0.AddDays(31)), 2, options);
        var drop = HealthModel.Features(state, state.Score, TimeSpan.Zero, state.AsOf!.Value, options).ScoreDrop;
        Assert.Equal((then - state.Score) / 100, drop, 3);
    }
}
