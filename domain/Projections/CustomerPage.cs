using HealthGrid.Domain.Customers;

namespace HealthGrid.Domain.Projections;

[GenerateSerializer, Immutable, Alias("HealthGrid.CustomerPage")]
public sealed record CustomerPage(
    [property: Id(0)] CustomerSummary[] Items,
    [property: Id(1)] int Total,
    [property: Id(2)] int Offset,
    [property: Id(3)] int Limit);
