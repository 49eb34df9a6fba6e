namespace HealthGrid.Domain.Alerts;

[GenerateSerializer, Immutable, Alias("HealthGrid.AlertPage")]
public sealed record AlertPage(
    [property: Id(0)] Alert[] Items,
    [property: Id(1)] int Total,
    [property: Id(2)] int Offset,
    [property: Id(3)] int Limit);
