using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Activity;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.JourneyStages;
using HealthGrid.Domain.Organisation;
using HealthGrid.Domain.ProcessOwners;
using static HealthGrid.Tests.Domain.Model;

namespace HealthGrid.Tests.Domain;

public sealed class RollupTests
{
    private static CustomerSummary Summary(string id, double health, decimal revenue, HealthBand band) => new()
    {
        Id = id, AccountId = "a-1", Name = id, Tier = Tier.Gold, Segment = "smb", Region = "EU", Criticality = Criticality.High,
        Revenue = revenue, Health = health, Band = band, ChurnProbability = 0.1, ChurnLevel = ChurnLevel.Low,
        AppliedSeq = 1, ProfileVersion = 1, UpdatedAt = T0,
    };

    [Fact]
    public void Account_health_is_weighted_by_revenue_with_bands_and_revenue_at_risk()
    {
        var rollup = Members(Summary("big", 40, 900, HealthBand.Critical), Summary("small", 90, 100, HealthBand.Healthy)).Rollup(Options());
        Assert.Equal(45, rollup.Health); // (40·900 + 90·100) / 1000
        Assert.Equal(HealthBand.AtRisk, rollup.Band);
        Assert.Equal(new BandCounts(1, 0, 1), rollup.Bands);
        Assert.Equal(900, rollup.RevenueAtRisk);
        Assert.Equal(1000, rollup.Revenue);
    }

    [Fact]
    public void Without_revenue_every_customer_weighs_the_same_and_an_empty_account_is_zero()
    {
        Assert.Equal(65, Members(Summary("a", 40, 0, HealthBand.Critical), Summary("b", 90, 0, HealthBand.Healthy)).Rollup(Options()).Health);
        Assert.Equal(0, Members().Rollup(Options()).CustomerCount);
    }

    [Fact]
    public void Running_totals_follow_replaced_and_removed_customers_exactly()
    {
        var random = new Random(7);
        var members = new AccountMembers();
        var current = new Dictionary<string, CustomerSummary>();
        for (var i = 0; i < 5_000; i++)
        {
            var id = $"c{random.Next(50)}";
            if (random.Next(10) == 0)
            {
                members.Remove(id);
                current.Remove(id);
                continue;
            }

            var health = Math.Round(random.NextDouble() * 100, 1);
            var summary = Summary(id, health, random.Next(3) == 0 ? 0 : random.Next(1, 100_000), health < 45 ? HealthBand.Critical : health < 70 ? HealthBand.AtRisk : HealthBand.Healthy);
            members.Put(summary);
            current[id] = summary;
        }

        // The same customers added once to fresh totals: nothing accumulated along the way may differ.
        Assert.Equal(Members([.. current.Values]).Rollup(Options()), members.Rollup(Options()));
    }

    private static AccountMembers Members(params CustomerSummary[] summaries)
    {
        var members = new AccountMembers();
        foreach (var summary in summaries)
        {
            members.Put(summary);
        }

        return members;
    }

    [Fact]
    public void Stage_statistics_sum_volume_and_average_sentiment_and_effort()
    {
        var buckets = new TimeBuckets<StageBucket>();
        StageStatistics.Add(buckets, new StageActivity { At = T0, EventsByKind = new() { [InteractionKind.Message] = 3 }, SentimentSum = -0.6, SentimentCount = 3 });
        StageStatistics.Add(buckets, new StageActivity { At = T0.AddMinutes(30), EventsByKind = new() { [InteractionKind.Survey] = 2 }, EffortSum = 9, EffortCount = 2 });
        var view = StageStatistics.View(new JourneyStageSettings { Id = "support", Name = "Support", Owner = "" }, buckets, T0.AddMinutes(40));
        Assert.Equal(5, view.VolumeLastHour);
        Assert.Equal(-0.2, view.Sentiment);
        Assert.Equal(4.5, view.Effort);
        Assert.Null(view.Owner);
        Assert.Equal(3, view.EventsByKind[InteractionKind.Message]);
    }

    [Fact]
    public void Theme_statistics_count_per_code_region_and_product_busiest_first()
    {
        var buckets = new TimeBuckets<ThemeBucket>();
        ThemeStatistics.Add(buckets, new ThemeActivity(T0, [new ThemeCount("BILL-DUP", "EU", "payments", 4), new ThemeCount("BILL-WRONG", "NA", "payments", 1)]));
        ThemeStatistics.Add(buckets, new ThemeActivity(T0.AddHours(3), [new ThemeCount("BILL-DUP", "EU", "payments", 2)]));
        var view = ThemeStatistics.View(new ProcessOwnerSettings { Id = "po", Name = "Owner" }, [], buckets, T0.AddHours(3).AddMinutes(1));
        Assert.Equal(2, view.ComplaintsLastHour);
        Assert.Equal(7, view.ComplaintsLast24Hours);
        Assert.Equal(new ThemeVolume("BILL-DUP", "EU", "payments", 2, 6), view.Themes[0]);
    }
}
