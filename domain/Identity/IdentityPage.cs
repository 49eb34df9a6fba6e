namespace HealthGrid.Domain.Identity;

/// <summary>A page of mappings, ordered by scheme and external id, and how many match in all.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.IdentityPage")]
public sealed record IdentityPage([property: Id(0)] IdentityMapping[] Items, [property: Id(1)] long Total);
