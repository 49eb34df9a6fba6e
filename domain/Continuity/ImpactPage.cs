namespace HealthGrid.Domain.Continuity;

[GenerateSerializer, Immutable, Alias("HealthGrid.ImpactPage")]
public sealed record ImpactPage([property: Id(0)] ImpactRow[] Items, [property: Id(1)] int Total, [property: Id(2)] int Offset, [property: Id(3)] int Limit);
