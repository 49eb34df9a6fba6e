using HealthGrid.Domain.Customers;

namespace HealthGrid.Domain.Configuration;

/// <summary>A customer whose health band a change of the health model moves, with the score before and after.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.BandChange")]
public sealed record BandChange(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Name,
    [property: Id(2)] double FromScore,
    [property: Id(3)] HealthBand FromBand,
    [property: Id(4)] double ToScore,
    [property: Id(5)] HealthBand ToBand);
