namespace HealthGrid.Domain.Identity;

/// <summary>What mapping an identifier did, and how many parked events it resolved and applied (or found applied already).</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.IdentityMapOutcome")]
public sealed record IdentityMapOutcome([property: Id(0)] IdentityMapResult Result, [property: Id(1)] int Applied);
