using HealthGrid.Domain.Accounts;

namespace HealthGrid.Domain.Continuity;

/// <summary>
/// One run of a scenario: its progress while it runs, then what it found across the affected
/// customers. The customers themselves, in contact order, are read page by page.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ContinuityRun")]
public sealed record ContinuityRun
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required string ScenarioId { get; init; }

    [Id(2)] public required string ScenarioName { get; init; }

    [Id(3)] public required string RequestedBy { get; init; }

    [Id(4)] public required RunStatus Status { get; init; }

    [Id(5)] public string? Error { get; init; }

    [Id(6)] public required DateTimeOffset RequestedAt { get; init; }

    [Id(7)] public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>When the disruption starts and when its last part ends.</summary>
    [Id(8)] public required DateTimeOffset DisruptionStart { get; init; }

    [Id(9)] public required DateTimeOffset DisruptionEnd { get; init; }

    /// <summary>Customers depending on a disrupted node (from the dependency index), and how many have been projected.</summary>
    [Id(10)] public required int Candidates { get; init; }

    [Id(11)] public required int Processed { get; init; }

    /// <summary>Candidates the scenario reaches (its region and product scope included).</summary>
    [Id(12)] public int AffectedCustomers { get; init; }

    [Id(13)] public int CustomersBreaching { get; init; }

    [Id(14)] public int CriticalCustomersBreaching { get; init; }

    [Id(15)] public decimal RevenueAtRisk { get; init; }

    [Id(16)] public AccountRisk[] Accounts { get; init; } = [];

    [Id(17)] public TimelineHour[] Timeline { get; init; } = [];

    [Id(18)] public BandCounts HealthBefore { get; init; } = new(0, 0, 0);

    [Id(19)] public BandCounts HealthDuring { get; init; } = new(0, 0, 0);

    [Id(20)] public BandCounts HealthAfter { get; init; } = new(0, 0, 0);

    [Id(21)] public EscalationLoad[] EscalationLoad { get; init; } = [];

    [Id(22)] public int SlaBreaches { get; init; }

    /// <summary>How long the run took, in milliseconds.</summary>
    [Id(23)] public double? ElapsedMilliseconds { get; init; }
}
