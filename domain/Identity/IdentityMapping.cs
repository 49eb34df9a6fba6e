namespace HealthGrid.Domain.Identity;

/// <summary>One external identifier mapped to its customer, with who mapped it and when.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.IdentityMapping")]
public sealed record IdentityMapping(
    [property: Id(0)] IdentityRef Ref,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string By);
