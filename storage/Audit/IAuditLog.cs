using HealthGrid.Domain.Audit;

namespace HealthGrid.Storage.Audit;

/// <summary>The audit log: one hash chain for the whole cluster, appended under one lock so every silo's records join it in one order.</summary>
public interface IAuditLog
{
    /// <summary>Appends the records in order, chained to the newest entry; returns them as stored.</summary>
    Task<AuditEntry[]> AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken);

    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>Every entry in sequence order, for <see cref="AuditChain.Verify"/>.</summary>
    IAsyncEnumerable<AuditEntry> ReadAllAsync(CancellationToken cancellationToken);
}
