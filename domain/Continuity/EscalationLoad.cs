namespace HealthGrid.Domain.Continuity;

/// <summary>The escalations that would land on one process owner, team or leadership, per hour of the scenario.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.EscalationLoad")]
public sealed record EscalationLoad([property: Id(0)] string Audience, [property: Id(1)] int Total, [property: Id(2)] int[] PerHour);
