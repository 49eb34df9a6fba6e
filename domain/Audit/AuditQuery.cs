namespace HealthGrid.Domain.Audit;

/// <summary>A filter over the audit log, newest first; <see cref="Before"/> pages back by sequence number.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.AuditQuery")]
public sealed record AuditQuery
{
    [Id(0)] public string? Actor { get; init; }

    /// <summary>An object (<c>customer/c-1</c>) or every object under a prefix ending in '/' (<c>config/</c>).</summary>
    [Id(1)] public string? Object { get; init; }

    [Id(2)] public string? Action { get; init; }

    [Id(3)] public DateTimeOffset? From { get; init; }

    [Id(4)] public DateTimeOffset? To { get; init; }

    [Id(5)] public long? Before { get; init; }

    [Id(6)] public int Limit { get; init; } = 100;

    public bool Matches(AuditEntry e) =>
        (Actor is null || e.Actor == Actor)
        && (Object is null || (Object.EndsWith('/') ? e.Object.StartsWith(Object, StringComparison.Ordinal) : e.Object == Object))
        && (Action is null || e.Action == Action)
        && (From is null || e.At >= From)
        && (To is null || e.At < To)
        && (Before is null || e.Seq < Before);
}

/// <summary>A page of the audit log; <see cref="Before"/> is the cursor for the next (older) page.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.AuditPage")]
public sealed record AuditPage([property: Id(0)] AuditEntry[] Items, [property: Id(1)] long? Before);
