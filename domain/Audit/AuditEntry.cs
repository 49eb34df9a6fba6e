namespace HealthGrid.Domain.Audit;

/// <summary>
/// An audit record as the log holds it: numbered, timed, and chained — <see cref="Hash"/> covers every
/// field and the previous entry's hash (<see cref="AuditChain"/>), so changing, removing or inserting a
/// row breaks the chain from there on.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.AuditEntry")]
public sealed record AuditEntry
{
    [Id(0)] public required long Seq { get; init; }

    [Id(1)] public required DateTimeOffset At { get; init; }

    [Id(2)] public required string Actor { get; init; }

    [Id(3)] public required string Action { get; init; }

    [Id(4)] public required string Object { get; init; }

    [Id(5)] public string? Ip { get; init; }

    [Id(6)] public string? Details { get; init; }

    [Id(7)] public required string PreviousHash { get; init; }

    [Id(8)] public required string Hash { get; init; }

    /// <summary>
    /// Set when an erasure removed personal data from <see cref="Object"/> or <see cref="Details"/>: the
    /// digests of what they held then, which the chain covers in their place (<see cref="AuditChain"/>).
    /// </summary>
    [Id(9)] public ErasedFields? Erased { get; init; }
}

/// <summary>The SHA-256 digests of an erased entry's object and details as they were written (null details stay null).</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ErasedFields")]
public sealed record ErasedFields([property: Id(0)] string ObjectDigest, [property: Id(1)] string? DetailsDigest);
