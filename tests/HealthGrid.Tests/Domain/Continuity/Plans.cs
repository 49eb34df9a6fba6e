using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers;

namespace HealthGrid.Tests.Domain.Continuity;

/// <summary>Scenarios and plans for the continuity tests, starting at <see cref="Start"/>.</summary>
internal static class Plans
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public static ScenarioDisruption Outage(DependencyType type, string id, double hours, double offset = 0, string[]? regions = null, string[]? products = null) => new()
    {
        Nodes = [new DisruptionNode(type, id)],
        DurationHours = hours,
        OffsetHours = offset,
        Mode = DisruptionMode.Outage,
        Regions = regions ?? [],
        Products = products ?? [],
    };

    public static ScenarioDisruption Degraded(DependencyType type, string id, double hours, double percent, double offset = 0) =>
        Outage(type, id, hours, offset) with { Mode = DisruptionMode.Degraded, DegradedPercent = percent };

    public static ScenarioPlan Plan(bool includeOpenCases = true, params ScenarioDisruption[] disruptions) => new()
    {
        RunId = "run-1",
        Scenario = new ContinuityScenario
        {
            Id = "scn-1",
            Name = "Test",
            Disruptions = disruptions,
            CreatedBy = "planner",
            CreatedAt = Start,
        },
        Start = Start,
        IncludeOpenCases = includeOpenCases,
    };

    public static CustomerProfile Profile(params Dependency[] dependencies) => new()
    {
        Id = "c-1",
        AccountId = "acc-1",
        Name = "Northwind",
        Tier = Tier.Gold,
        Segment = "enterprise",
        Region = "EU",
        Products = ["payments"],
        Criticality = Criticality.High,
        Revenue = 250_000,
        Dependencies = dependencies,
        Contacts = [new Contact("Finance lead", "finance", "fin@example.com", null, 2), new Contact("Ops lead", "operations", "ops@example.com", "+31 20 555", 1)],
    };
}
