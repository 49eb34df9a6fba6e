using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers;
using static HealthGrid.Tests.Domain.Continuity.Plans;

namespace HealthGrid.Tests.Domain.Continuity;

public sealed class RunAggregatorTests
{
    private static readonly Dictionary<string, AccountProfile> Accounts = new()
    {
        ["acc-1"] = new AccountProfile { Id = "acc-1", Name = "Contoso", AccountManager = "am-1" },
        ["acc-2"] = new AccountProfile { Id = "acc-2", Name = "Fabrikam", AccountManager = "am-2" },
    };

    [Fact]
    public void Customers_breaching_come_first_critical_ones_first_then_by_time_to_breach()
    {
        var (_, rows) = Complete(
            Impact("late-critical", "acc-1", breachAfter: 9, critical: true),
            Impact("early", "acc-1", breachAfter: 2),
            Impact("holds-critical", "acc-2", breachAfter: null, critical: true),
            Impact("early-critical", "acc-2", breachAfter: 4, critical: true),
            Impact("holds", "acc-2", breachAfter: null));

        Assert.Equal(["early-critical", "late-critical", "early", "holds-critical", "holds"], rows.Select(r => r.Impact.CustomerId));
        Assert.Equal([1, 2, 3, 4, 5], rows.Select(r => r.Rank));
        Assert.Equal("am-2", rows[0].AccountManager);
    }

    [Fact]
    public void Totals_revenue_per_account_timeline_bands_and_escalation_load()
    {
        var (run, _) = Complete(
            Impact("a", "acc-1", breachAfter: 2.5, revenue: 100, sla: [3.2, 0.4], escalations: [new("owner:po-billing", 0), new("team:t", 3)]),
            Impact("b", "acc-1", breachAfter: null, revenue: 40, during: HealthBand.AtRisk, escalations: [new("owner:po-billing", 0)]),
            Impact("c", "acc-2", breachAfter: 2.9, revenue: 7, critical: true));

        Assert.Equal((3, 2, 1, 147m, 2), (run.AffectedCustomers, run.CustomersBreaching, run.CriticalCustomersBreaching, run.RevenueAtRisk, run.SlaBreaches));
        Assert.Equal([("acc-1", "Contoso", 2, 1, 140m), ("acc-2", "Fabrikam", 1, 1, 7m)], run.Accounts.Select(a => (a.AccountId, a.Name!, a.Customers, a.Breaching, a.RevenueAtRisk)));
        Assert.Equal(12, run.Timeline.Length);
        Assert.Equal((2, 0), (run.Timeline[2].RecoveryBreaches, run.Timeline[2].SlaBreaches));
        Assert.Equal((0, 1), (run.Timeline[0].RecoveryBreaches, run.Timeline[0].SlaBreaches));
        Assert.Equal(1, run.Timeline[3].SlaBreaches);
        Assert.Equal(new BandCounts(3, 0, 0), run.HealthBefore);
        Assert.Equal(new BandCounts(2, 1, 0), run.HealthDuring);
        var owner = run.EscalationLoad[0];
        Assert.Equal(("owner:po-billing", 2, 2), (owner.Audience, owner.Total, owner.PerHour[0]));
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    private static (ContinuityRun Run, ImpactRow[] Rows) Complete(params CustomerImpact[] impacts)
    {
        var running = new ContinuityRun
        {
            Id = "run-1", ScenarioId = "scn-1", ScenarioName = "Test", RequestedBy = "planner", Status = RunStatus.Running, RequestedAt = Start,
            DisruptionStart = Start, DisruptionEnd = Start.AddHours(12), Candidates = impacts.Length + 2, Processed = 0,
        };
        return RunAggregator.Complete(running, impacts, Accounts, Start.AddSeconds(2));
    }

    private static CustomerImpact Impact(string id, string account, double? breachAfter, decimal revenue = 10, bool critical = false, HealthBand during = HealthBand.Healthy,
        double[]? sla = null, EscalationHit[]? escalations = null) => new()
    {
        CustomerId = id, AccountId = account, Name = id, Tier = Tier.Gold, Criticality = critical ? Criticality.Critical : Criticality.Medium, Region = "EU",
        Revenue = revenue, Dependencies = [], BreachAfterHours = breachAfter, HealthBefore = 80, BandBefore = HealthBand.Healthy,
        HealthDuring = during == HealthBand.Healthy ? 75 : 50, BandDuring = during, HealthAfter = 78, BandAfter = HealthBand.Healthy,
        SlaBreaches = [.. (sla ?? []).Select(h => new CaseBreach("T", SlaMetric.FirstResponse, Start.AddHours(h), h, null, null, null, true))],
        SlaBreachCount = sla?.Length ?? 0,
        Escalations = escalations ?? [],
        RevenueAtRisk = breachAfter is not null || during != HealthBand.Healthy ? revenue : 0,
        Contacts = [],
        ProcessOwners = [],
    };
}
