using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers;

namespace HealthGrid.Tests.Domain.Continuity;

public sealed class RunDifferencesTests
{
    [Fact]
    public void Lists_customers_that_differ_largest_change_in_revenue_at_risk_first()
    {
        CustomerImpact[] a = [Impact("same", 4, 10), Impact("recovered", 6, 500), Impact("worse", null, 0), Impact("gone", 2, 50)];
        CustomerImpact[] b = [Impact("same", 4, 10), Impact("recovered", null, 0), Impact("worse", 3, 90), Impact("new", 1, 70)];

        var (deltas, differing) = RunDifferences.Between(a, b, limit: 3);

        Assert.Equal(4, differing);
        Assert.Equal(["recovered", "worse", "new"], deltas.Select(d => d.CustomerId));
        Assert.Equal((6.0, (double?)null, 500m, 0m), (deltas[0].BreachAfterHoursA!.Value, deltas[0].BreachAfterHoursB, deltas[0].RevenueAtRiskA, deltas[0].RevenueAtRiskB));
    }

    private static CustomerImpact Impact(string id, double? breachAfter, decimal atRisk) => new()
    {
        CustomerId = id, AccountId = "acc", Name = id, Tier = Tier.Gold, Criticality = Criticality.High, Region = "EU", Revenue = 1000, Dependencies = [],
        BreachAfterHours = breachAfter, HealthBefore = 80, BandBefore = HealthBand.Healthy, HealthDuring = 70, BandDuring = HealthBand.Healthy,
        HealthAfter = 75, BandAfter = HealthBand.Healthy, SlaBreaches = [], SlaBreachCount = 0, Escalations = [], RevenueAtRisk = atRisk, Contacts = [], ProcessOwners = [],
    };
}
