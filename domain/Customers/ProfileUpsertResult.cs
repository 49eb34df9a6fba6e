namespace HealthGrid.Domain.Customers;

/// <summary>
/// Outcome of creating or replacing a profile; <see cref="Field"/> and <see cref="Error"/> are set when refused,
/// <see cref="Previous"/> is the profile it replaced (what the audit log diffs against, read in the same turn).
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ProfileUpsertResult")]
public sealed record ProfileUpsertResult(
    [property: Id(0)] bool Created,
    [property: Id(1)] string? Field = null,
    [property: Id(2)] string? Error = null,
    [property: Id(3)] CustomerProfile? Previous = null)
{
    public bool Succeeded => Error is null;

    public static ProfileUpsertResult Refused(string field, string error) => new(false, field, error);
}
