using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Sla;
using static HealthGrid.Tests.Domain.Sla.Calendars;

namespace HealthGrid.Tests.Domain.Sla;

public sealed class EscalationTests
{
    private static readonly DateTimeOffset Breach = Utc(2026, 11, 24, 9);

    /// <summary>assignee (10 min) → team (10 min) → process owner (15 min) → leadership (30 min), once more, critical customers from the team.</summary>
    public static EscalationSettings Chain(int repeat = 1) => new()
    {
        Levels =
        [
            new() { Notify = "assignee", Timeout = TimeSpan.FromMinutes(10) },
            new() { Notify = "team", Timeout = TimeSpan.FromMinutes(10) },
            new() { Notify = "process_owner", Timeout = TimeSpan.FromMinutes(15) },
            new() { Notify = "leadership", Timeout = TimeSpan.FromMinutes(30) },
        ],
        Repeat = repeat,
        CriticalCustomersStartAt = 1,
    };

    [Fact]
    public void Each_level_hands_over_after_its_timeout_and_the_chain_repeats()
    {
        var settings = Chain();
        var escalation = new EscalationState { StartedAt = Breach, Status = EscalationStatus.Active };
        var expected = new[] { 10, 20, 35, 65, 75, 85, 100 };
        var levels = new List<int>();
        for (var step = 0; step < expected.Length; step++)
        {
            escalation.Step = step;
            levels.Add(Escalations.LevelOf(settings, 0, step));
            Assert.Equal(Breach + TimeSpan.FromMinutes(expected[step]), Escalations.NextAt(escalation, settings));
        }

        escalation.Step = 7;
        Assert.Null(Escalations.NextAt(escalation, settings));
        Assert.Equal([0, 1, 2, 3, 0, 1, 2], levels);
        Assert.Equal(8, Escalations.TotalSteps(settings, 0));
    }

    [Fact]
    public void Critical_customers_start_higher_and_repeat_from_there()
    {
        var settings = Chain();
        var platinum = Profile(Tier.Platinum, Criticality.Medium);
        var critical = Profile(Tier.Silver, Criticality.Critical);
        Assert.Equal(1, Escalations.StartLevel(settings, platinum));
        Assert.Equal(1, Escalations.StartLevel(settings, critical));
        Assert.Equal(0, Escalations.StartLevel(settings, Profile(Tier.Gold, Criticality.High)));
        Assert.Equal(6, Escalations.TotalSteps(settings, 1));
        Assert.Equal([1, 2, 3, 1, 2, 3], Enumerable.Range(0, 6).Select(step => Escalations.LevelOf(settings, 1, step)));

        // From level 1 the first handover is after the team's timeout.
        var escalation = new EscalationState { StartedAt = Breach, Status = EscalationStatus.Active, StartLevel = 1 };
        Assert.Equal(Breach + TimeSpan.FromMinutes(10), Escalations.NextAt(escalation, settings));
    }

    [Theory]
    [InlineData(EscalationStatus.Acknowledged)]
    [InlineData(EscalationStatus.Closed)]
    [InlineData(EscalationStatus.Exhausted)]
    public void A_stopped_chain_alerts_nobody_else(EscalationStatus status)
    {
        var escalation = new EscalationState { StartedAt = Breach, Status = status };
        Assert.Null(Escalations.NextAt(escalation, Chain()));
    }

    [Fact]
    public void Without_levels_the_breach_alert_is_the_whole_chain()
    {
        var settings = new EscalationSettings();
        Assert.Equal(1, Escalations.TotalSteps(settings, 0));
        Assert.Null(Escalations.NextAt(new EscalationState { StartedAt = Breach, Status = EscalationStatus.Active }, settings));
    }

    public static CustomerProfile Profile(Tier tier, Criticality criticality) => new()
    {
        Id = "c-1",
        AccountId = "acc-1",
        Name = "Northwind",
        Tier = tier,
        Segment = "enterprise",
        Region = "emea",
        Criticality = criticality,
        Revenue = 100_000,
    };
}
