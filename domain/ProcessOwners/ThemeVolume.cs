namespace HealthGrid.Domain.ProcessOwners;

[GenerateSerializer, Immutable, Alias("HealthGrid.ThemeVolume")]
public sealed record ThemeVolume(
    [property: Id(0)] string Code,
    [property: Id(1)] string Region,
    [property: Id(2)] string Product,
    [property: Id(3)] int LastHour,
    [property: Id(4)] int Last24Hours);
