using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using HealthGrid.Tests.Domain.Cases;
using static HealthGrid.Tests.Domain.Continuity.Plans;

namespace HealthGrid.Tests.Domain.Continuity;

public sealed class DisruptionSimulatorTests
{
    private static readonly Dependency Billing = new(DependencyType.Process, "billing", RecoveryHours: 8, DegradedTolerancePercent: 20);
    private static readonly Dependency Carrier = new(DependencyType.Supplier, "carrier", RecoveryHours: 24);

    [Fact]
    public void A_process_outage_breaks_the_requirement_and_its_unanswered_ticket_breaches_and_escalates_to_the_owner()
    {
        var harness = new CustomerHarness(Profile(Billing));
        var impact = DisruptionSimulator.Project(harness.Customer, harness.Rules, Plan(true, Outage(DependencyType.Process, "billing", 12)))!;

        Assert.Equal(8, impact.BreachAfterHours);
        var breach = impact.SlaBreaches.First(b => b.Metric == SlaMetric.FirstResponse);
        Assert.Equal(("DISRUPTION-billing-1", "billing", "po-billing", true), (breach.CaseId, breach.Process, breach.ProcessOwner, breach.CausedByDisruption));
        Assert.Equal(0.5, breach.AfterHours); // opened 15 min in, 15 minutes to first response
        Assert.Contains(impact.Escalations, e => e.Audience == "owner:po-billing");
        Assert.True(impact.HealthDuring < impact.HealthBefore, $"{impact.HealthDuring} < {impact.HealthBefore}");
        Assert.Equal(250_000, impact.RevenueAtRisk);
        Assert.Equal(["Ops lead", "Finance lead"], impact.Contacts.Select(c => c.Name));
        Assert.Equal(["po-billing"], impact.ProcessOwners);
        Assert.Equal(impact.SlaBreaches.Length, impact.SlaBreachCount);
    }

    [Fact]
    public void A_supplier_outage_delivers_late_and_health_falls_without_any_case()
    {
        var harness = new CustomerHarness(Profile(Carrier));
        var impact = DisruptionSimulator.Project(harness.Customer, harness.Rules, Plan(true, Outage(DependencyType.Supplier, "carrier", 72)))!;

        Assert.Equal(24, impact.BreachAfterHours);
        Assert.Empty(impact.SlaBreaches);
        Assert.True(impact.HealthAfter < impact.HealthBefore - 5, $"{impact.HealthAfter} after, {impact.HealthBefore} before");
    }

    [Fact]
    public void Open_cases_of_the_disrupted_process_take_part_and_others_do_not()
    {
        var harness = new CustomerHarness(Profile(Billing));
        harness.Apply(Ticket("T-bill", "BILL-DUP", Start - TimeSpan.FromMinutes(5)));
        harness.Apply(Ticket("T-delivery", "DLV-LATE", Start - TimeSpan.FromMinutes(5)));

        var impact = DisruptionSimulator.Project(Copy(harness), harness.Rules, Plan(true, Outage(DependencyType.Process, "billing", 2)))!;
        Assert.Contains(impact.SlaBreaches, b => b.CaseId == "T-bill" && !b.CausedByDisruption);
        Assert.DoesNotContain(impact.SlaBreaches, b => b.CaseId == "T-delivery");

        // A scenario that starts later leaves today's open cases out.
        var later = DisruptionSimulator.Project(Copy(harness), harness.Rules, Plan(false, Outage(DependencyType.Process, "billing", 2)))!;
        Assert.All(later.SlaBreaches, b => Assert.True(b.CausedByDisruption));
    }

    [Fact]
    public void A_tolerated_degradation_reaches_the_customer_but_harms_nothing()
    {
        var harness = new CustomerHarness(Profile(Billing));
        var impact = DisruptionSimulator.Project(harness.Customer, harness.Rules, Plan(true, Degraded(DependencyType.Process, "billing", 48, percent: 20)))!;

        Assert.Null(impact.BreachAfterHours);
        Assert.Empty(impact.SlaBreaches);
        Assert.Equal(impact.HealthBefore, impact.HealthDuring);
        Assert.Equal(0, impact.RevenueAtRisk);
        Assert.Empty(impact.ProcessOwners);
    }

    [Fact]
    public void Revenue_already_at_risk_is_not_put_at_risk_again_by_a_disruption_it_weathers()
    {
        var harness = new CustomerHarness(Profile(Carrier));
        for (var i = 0; i < 6; i++)
        {
            harness.Apply(Model.Survey(SurveyType.Csat, 1, Start - TimeSpan.FromHours(6 - i)));
        }

        var impact = DisruptionSimulator.Project(harness.Customer, harness.Rules, Plan(true, Outage(DependencyType.Supplier, "carrier", 1)))!;
        Assert.NotEqual(HealthBand.Healthy, impact.BandBefore);
        Assert.Equal(impact.BandBefore, impact.BandDuring);
        Assert.Null(impact.BreachAfterHours);
        Assert.Equal(0, impact.RevenueAtRisk);
    }

    [Fact]
    public void A_customer_the_scenario_does_not_reach_has_no_impact()
    {
        var harness = new CustomerHarness(Profile(Carrier));
        Assert.Null(DisruptionSimulator.Project(harness.Customer, harness.Rules, Plan(true, Outage(DependencyType.Process, "billing", 12))));
    }

    private static Interaction Ticket(string id, string code, DateTimeOffset at) =>
        CustomerHarness.Ticket(InteractionKind.TicketOpened, id, at) with { Ticket = new TicketDetails(id, Severity.High, code, "help", Assignee: "ana", Team: "team-emea") };

    /// <summary>The harness's model again from its events, as the grain's copy would be.</summary>
    private static CustomerModel Copy(CustomerHarness harness)
    {
        var copy = new CustomerHarness(harness.Customer.Profile);
        harness.Applied.ForEach(e => copy.Apply(e));
        return copy.Customer;
    }
}
