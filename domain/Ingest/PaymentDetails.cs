namespace HealthGrid.Domain.Ingest;

[GenerateSerializer, Immutable, Alias("HealthGrid.PaymentDetails")]
public sealed record PaymentDetails([property: Id(0)] int DaysLate);
