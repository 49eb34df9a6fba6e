namespace HealthGrid.Domain.Ingest;

[GenerateSerializer, Immutable, Alias("HealthGrid.UsageDetails")]
public sealed record UsageDetails(
    [property: Id(0)] int ActiveUsers,
    [property: Id(1)] int LicensedUsers);
