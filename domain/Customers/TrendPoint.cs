namespace HealthGrid.Domain.Customers;

[GenerateSerializer, Immutable, Alias("HealthGrid.TrendPoint")]
public sealed record TrendPoint(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] double Score);
