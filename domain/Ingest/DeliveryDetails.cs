namespace HealthGrid.Domain.Ingest;

[GenerateSerializer, Immutable, Alias("HealthGrid.DeliveryDetails")]
public sealed record DeliveryDetails(
    [property: Id(0)] bool OnTime,
    [property: Id(1)] double DelayHours);
