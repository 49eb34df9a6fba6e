namespace HealthGrid.Domain.Accounts;

[GenerateSerializer, Immutable, Alias("HealthGrid.BandCounts")]
public sealed record BandCounts(
    [property: Id(0)] int Healthy,
    [property: Id(1)] int AtRisk,
    [property: Id(2)] int Critical);
