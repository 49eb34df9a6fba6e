namespace HealthGrid.Domain.Audit;

/// <summary>
/// One audited act as its surface reports it: who (<see cref="Actor"/>, a user's subject), what
/// (<see cref="Action"/>, one of <see cref="AuditActions"/>), on which object (<c>config/sla</c>,
/// <c>customer/c-1</c>, <c>case/T-1</c>, <c>alert/…</c>), from where, and the change as JSON — never
/// the personal data an erasure removed.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.AuditRecord")]
public sealed record AuditRecord
{
    [Id(0)] public required string Actor { get; init; }

    [Id(1)] public required string Action { get; init; }

    [Id(2)] public required string Object { get; init; }

    /// <summary>The caller's address as the silo saw it; null for what the silo did by itself.</summary>
    [Id(3)] public string? Ip { get; init; }

    /// <summary>A JSON document: the change as RFC 6902 JSON Patch, the counts of an erasure, a note.</summary>
    [Id(4)] public string? Details { get; init; }
}
