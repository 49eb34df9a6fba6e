namespace HealthGrid.Domain.Customers;

/// <summary>One component's value (0-100) and its configured weight in the score.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ComponentScore")]
public sealed record ComponentScore(
    [property: Id(0)] HealthComponent Component,
    [property: Id(1)] double Value,
    [property: Id(2)] double Weight);
