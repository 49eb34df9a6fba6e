namespace HealthGrid.Domain.Customers;

[GenerateSerializer, Immutable, Alias("HealthGrid.ChurnRisk")]
public sealed record ChurnRisk(
    [property: Id(0)] double Probability,
    [property: Id(1)] ChurnLevel Level,
    [property: Id(2)] ChurnFactor[] Factors);
