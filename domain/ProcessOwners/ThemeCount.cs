namespace HealthGrid.Domain.ProcessOwners;

/// <summary>Complaints with one categorization code, region and product seen in a flush interval.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ThemeCount")]
public sealed record ThemeCount(
    [property: Id(0)] string Code,
    [property: Id(1)] string Region,
    [property: Id(2)] string Product,
    [property: Id(3)] int Count);
