using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.Cases;

/// <summary>A case with its SLA clocks, escalations and full history.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.CaseView")]
public sealed record CaseView
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required string CustomerId { get; init; }

    [Id(2)] public required string AccountId { get; init; }

    [Id(3)] public required CaseOrigin Origin { get; init; }

    [Id(4)] public required CaseStatus Status { get; init; }

    [Id(5)] public required Severity Severity { get; init; }

    [Id(6)] public required Channel Channel { get; init; }

    /// <summary>The ticket category, or the complaint's categorization code.</summary>
    [Id(7)] public string? Category { get; init; }

    [Id(8)] public string? Assignee { get; init; }

    [Id(9)] public string? Team { get; init; }

    [Id(10)] public string? Process { get; init; }

    [Id(11)] public string? ProcessOwner { get; init; }

    [Id(12)] public string? JourneyStage { get; init; }

    [Id(13)] public required string Policy { get; init; }

    [Id(14)] public required SlaState SlaState { get; init; }

    [Id(15)] public DateTimeOffset? NextDueAt { get; init; }

    [Id(16)] public required DateTimeOffset OpenedAt { get; init; }

    [Id(17)] public required DateTimeOffset UpdatedAt { get; init; }

    [Id(18)] public DateTimeOffset? ResolvedAt { get; init; }

    [Id(19)] public required SlaClockView[] Clocks { get; init; }

    [Id(20)] public required EscalationView[] Escalations { get; init; }

    [Id(21)] public required CaseTransition[] History { get; init; }

    /// <summary>The event-log sequence of the latest change; a newer view replaces an older one.</summary>
    [Id(22)] public required long Version { get; init; }

    public bool IsOpen => Status is not (CaseStatus.Resolved or CaseStatus.Closed);
}
