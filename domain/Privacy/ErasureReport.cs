namespace HealthGrid.Domain.Privacy;

/// <summary>
/// What an erasure removed, by kind, as counts: what the audit log records of it and the API answers
/// (the data itself is gone). <see cref="AuditEntries"/> are entries that lost the customer's id and
/// details; they stay in the chain.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ErasureReport")]
public sealed record ErasureReport
{
    [Id(0)] public bool Profile { get; init; }

    [Id(1)] public int Events { get; init; }

    [Id(2)] public int ScoreChanges { get; init; }

    [Id(3)] public int Cases { get; init; }

    [Id(4)] public int Alerts { get; init; }

    [Id(5)] public int Notifications { get; init; }

    [Id(6)] public int Conversations { get; init; }

    [Id(7)] public int ContinuityResults { get; init; }

    [Id(8)] public int ClientIds { get; init; }

    [Id(9)] public int AuditEntries { get; init; }

    /// <summary>Mappings of other systems' identifiers to the customer (the identity map).</summary>
    [Id(10)] public int Identities { get; init; }

    /// <summary>Whether anything at all was found: an erasure of an unknown customer that found nothing answers 404.</summary>
    public bool FoundAnything => Profile || Events + ScoreChanges + Cases + Alerts + Notifications + ContinuityResults + ClientIds + AuditEntries + Identities > 0;
}
