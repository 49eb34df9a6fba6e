namespace HealthGrid.Domain.Continuity;

/// <summary>An hour of the scenario (0 = its first): recovery requirements and SLA clocks that break in it.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.TimelineHour")]
public sealed record TimelineHour([property: Id(0)] int Hour, [property: Id(1)] int RecoveryBreaches, [property: Id(2)] int SlaBreaches);
