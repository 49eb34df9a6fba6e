using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.SystemChanges;

namespace HealthGrid.Domain.Alerts;

/// <summary>
/// One model for every alert: what, how severe, about whom, for whom, and its lifecycle
/// (raised → acknowledged → resolved) with who did what. An alert is updated in place as it
/// escalates; <see cref="Version"/> orders the updates.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.Alert")]
public sealed record Alert
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required AlertType Type { get; init; }

    [Id(2)] public required AlertSeverity Severity { get; init; }

    [Id(3)] public required AlertState State { get; init; }

    [Id(4)] public required string Message { get; init; }

    [Id(5)] public required Audience[] Audiences { get; init; }

    [Id(6)] public required AlertOwnerKind OwnerKind { get; init; }

    [Id(7)] public required string OwnerId { get; init; }

    [Id(8)] public string? CustomerId { get; init; }

    [Id(9)] public string? AccountId { get; init; }

    [Id(10)] public string? CaseId { get; init; }

    [Id(11)] public string? JourneyStage { get; init; }

    [Id(12)] public string? Process { get; init; }

    [Id(13)] public string? ProcessOwner { get; init; }

    [Id(14)] public string? Team { get; init; }

    /// <summary>The categorization code of a theme, or the SLA metric of a case alert.</summary>
    [Id(15)] public string? Code { get; init; }

    [Id(16)] public double? CustomerHealth { get; init; }

    [Id(17)] public Tier? CustomerTier { get; init; }

    /// <summary>Text cues (frustration), or the levels alerted so far (escalations).</summary>
    [Id(18)] public string[] Cues { get; init; } = [];

    /// <summary>Recent system changes that may have caused a spike.</summary>
    [Id(19)] public SystemChangeRecord[] CandidateCauses { get; init; } = [];

    [Id(20)] public required DateTimeOffset RaisedAt { get; init; }

    [Id(21)] public required DateTimeOffset UpdatedAt { get; init; }

    [Id(22)] public string? AcknowledgedBy { get; init; }

    [Id(23)] public DateTimeOffset? AcknowledgedAt { get; init; }

    [Id(24)] public string? ResolvedBy { get; init; }

    [Id(25)] public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>How late a timer fired (the silo was down at the due time).</summary>
    [Id(26)] public TimeSpan? LateBy { get; init; }

    /// <summary>The escalation level reached (SLA breaches).</summary>
    [Id(27)] public int? EscalationLevel { get; init; }

    [Id(28)] public required long Version { get; init; }

    [Id(29)] public SlaMetric? Metric { get; init; }

    /// <summary>A count behind the alert: complaints in the window, frustrated messages, revenue share (percent).</summary>
    [Id(30)] public double? Count { get; init; }

    /// <summary>The live chat or call a frustration alert is about.</summary>
    [Id(31)] public string? InteractionId { get; init; }

    /// <summary>The audience of the escalation level reached (SLA breaches): who a new level notifies.</summary>
    [Id(32)] public Audience? LevelAudience { get; init; }

    /// <summary>Why HealthGrid itself resolved the alert, when it did: <see cref="AlertResolutions"/>.</summary>
    [Id(33)] public string? ResolvedReason { get; init; }

    public bool IsOpen => State != AlertState.Resolved;
}
