namespace HealthGrid.Domain.Customers.Scoring;

/// <summary>
/// One piece of evidence an event gives a component: a value (0-100) with a weight for average-type
/// components, or an amount added to the count for load-type ones. <see cref="Label"/> explains it.
/// </summary>
public readonly record struct Observation(HealthComponent Component, double Value, double Weight, string Label);
