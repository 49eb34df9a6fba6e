namespace HealthGrid.Domain.Customers;

/// <summary>
/// Why the score moved: which component, described in words ("CSAT 2/5 on 11-24"), by how many points.
/// A null component marks the time-decay driver.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ScoreDriver")]
public sealed record ScoreDriver(
    [property: Id(0)] HealthComponent? Component,
    [property: Id(1)] string Label,
    [property: Id(2)] double Delta);
