namespace HealthGrid.Domain.Continuity;

/// <summary>A customer of a run in contact order (1 = call first), with its account manager for the escalation path.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ImpactRow")]
public sealed record ImpactRow([property: Id(0)] int Rank, [property: Id(1)] string? AccountManager, [property: Id(2)] CustomerImpact Impact);
