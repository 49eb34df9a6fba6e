namespace HealthGrid.Domain.Continuity;

/// <summary>One escalation landing on an audience (<c>owner:…</c>, <c>team:…</c>, <c>leadership</c>, …) in an hour of the scenario (0 = its first).</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.EscalationHit")]
public sealed record EscalationHit([property: Id(0)] string Audience, [property: Id(1)] int Hour);
