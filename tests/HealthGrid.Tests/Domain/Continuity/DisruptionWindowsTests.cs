using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers;
using static HealthGrid.Tests.Domain.Continuity.Plans;

namespace HealthGrid.Tests.Domain.Continuity;

public sealed class DisruptionWindowsTests
{
    private static readonly Dependency Billing = new(DependencyType.Process, "billing", RecoveryHours: 8, DegradedTolerancePercent: 30);

    [Theory]
    [InlineData(12, 8.0)] // longer than tolerated: breaks 8 h in
    [InlineData(8, null)] // exactly the maximum tolerable outage: holds
    [InlineData(3, null)]
    public void An_outage_breaks_the_recovery_requirement_once_it_outlasts_the_maximum_tolerable_outage(double hours, double? breachAfter)
    {
        var hit = Assert.Single(DisruptionWindows.Of(Profile(Billing), Plan(true, Outage(DependencyType.Process, "billing", hours))));
        Assert.Equal(breachAfter, hit.Impact.BreachAfterHours);
        Assert.Equal(hours, hit.Impact.UnacceptableHours);
        Assert.Equal(100, hit.Impact.SeverityPercent);
    }

    [Fact]
    public void Degradation_within_the_tolerance_does_no_harm_and_beyond_it_counts_as_no_service()
    {
        var within = Assert.Single(DisruptionWindows.Of(Profile(Billing), Plan(true, Degraded(DependencyType.Process, "billing", 24, percent: 30))));
        Assert.Null(within.Impact.BreachAfterHours);
        Assert.Empty(within.Unacceptable);
        Assert.False(within.Impact.BeyondTolerance);

        var beyond = Assert.Single(DisruptionWindows.Of(Profile(Billing), Plan(true, Degraded(DependencyType.Process, "billing", 24, percent: 60))));
        Assert.Equal(8, beyond.Impact.BreachAfterHours);
        Assert.True(beyond.Impact.BeyondTolerance);
    }

    [Fact]
    public void Overlapping_and_touching_disruptions_join_into_one_stretch()
    {
        // 0-5 h down, 4-7 h down, 7-10 h degraded beyond tolerance: one 10-hour stretch, breached 8 h in.
        var hit = Assert.Single(DisruptionWindows.Of(Profile(Billing), Plan(true,
            Outage(DependencyType.Process, "billing", 5),
            Outage(DependencyType.Process, "billing", 3, offset: 4),
            Degraded(DependencyType.Process, "billing", 3, percent: 50, offset: 7))));
        Assert.Equal(10, hit.Impact.UnacceptableHours);
        Assert.Equal(8, hit.Impact.BreachAfterHours);
        Assert.Equal(Start, Assert.Single(hit.Unacceptable).Start);
    }

    [Fact]
    public void Separate_stretches_each_shorter_than_tolerated_do_not_add_up()
    {
        var hit = Assert.Single(DisruptionWindows.Of(Profile(Billing), Plan(true,
            Outage(DependencyType.Process, "billing", 6),
            Outage(DependencyType.Process, "billing", 6, offset: 7))));
        Assert.Equal(2, hit.Unacceptable.Count);
        Assert.Equal(6, hit.Impact.UnacceptableHours);
        Assert.Null(hit.Impact.BreachAfterHours);
    }

    [Fact]
    public void A_later_stretch_breaks_the_requirement_counted_from_its_own_start()
    {
        var hit = Assert.Single(DisruptionWindows.Of(Profile(Billing), Plan(true,
            Outage(DependencyType.Process, "billing", 2),
            Outage(DependencyType.Process, "billing", 10, offset: 5))));
        Assert.Equal(13, hit.Impact.BreachAfterHours);
    }

    [Fact]
    public void Each_dependency_on_a_disrupted_node_is_judged_by_its_own_requirement()
    {
        var site = new Dependency(DependencyType.Site, "site-ams", RecoveryHours: 2);
        var stage = new Dependency(DependencyType.JourneyStage, "billing", RecoveryHours: 24);
        var hits = DisruptionWindows.Of(Profile(Billing, site, stage), Plan(true,
            Outage(DependencyType.Process, "billing", 12),
            Outage(DependencyType.Site, "site-ams", 4, offset: 1)));
        Assert.Equal([(DependencyType.Process, 8.0), (DependencyType.Site, 3.0)], hits.Select(h => (h.Impact.Type, h.Impact.BreachAfterHours!.Value)));
    }

    [Theory]
    [InlineData(new[] { "na" }, new string[0], false)]
    [InlineData(new[] { "eu", "na" }, new string[0], true)]
    [InlineData(new string[0], new[] { "Payments" }, true)]
    [InlineData(new string[0], new[] { "analytics" }, false)]
    public void A_disruption_reaches_only_customers_in_its_regions_and_products(string[] regions, string[] products, bool reached)
    {
        var hits = DisruptionWindows.Of(Profile(Billing), Plan(true, Outage(DependencyType.Process, "billing", 12, regions: regions, products: products)));
        Assert.Equal(reached, hits.Count == 1);
    }

    [Fact]
    public void Nodes_the_customer_does_not_depend_on_leave_it_alone()
    {
        Assert.Empty(DisruptionWindows.Of(Profile(Billing), Plan(true, Outage(DependencyType.Process, "fulfilment", 48), Outage(DependencyType.Site, "billing", 48))));
    }
}
