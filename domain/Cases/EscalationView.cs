namespace HealthGrid.Domain.Cases;

/// <summary>The escalation chain started by a breach: the level reached, the repeat, and when the next level is due.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.EscalationView")]
public sealed record EscalationView(
    [property: Id(0)] SlaMetric Metric,
    [property: Id(1)] string AlertId,
    [property: Id(2)] EscalationStatus Status,
    [property: Id(3)] int Level,
    [property: Id(4)] int Repeat,
    [property: Id(5)] DateTimeOffset? NextAt);
