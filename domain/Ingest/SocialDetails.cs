namespace HealthGrid.Domain.Ingest;

[GenerateSerializer, Immutable, Alias("HealthGrid.SocialDetails")]
public sealed record SocialDetails(
    [property: Id(0)] string Text,
    [property: Id(1)] string? Platform);
