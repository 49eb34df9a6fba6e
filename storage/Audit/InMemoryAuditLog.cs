using HealthGrid.Domain.Audit;

namespace HealthGrid.Storage.Audit;

/// <summary>Embedded mode's audit log: the same chain, in this process's memory (gone with it, like everything embedded).</summary>
public sealed class InMemoryAuditLog(TimeProvider time) : IAuditLog
{
    private readonly List<AuditEntry> entries = [];
    private readonly Lock gate = new();

    public Task<AuditEntry[]> AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var appended = new AuditEntry[records.Count];
            for (var i = 0; i < records.Count; i++)
            {
                appended[i] = AuditChain.Next(entries.Count == 0 ? null : entries[^1], records[i], time.GetUtcNow());
                entries.Add(appended[i]);
            }

            return Task.FromResult(appended);
        }
    }

    /// <summary>Erasure: the entries about the customer lose its id and details (<see cref="AuditErasure"/>); how many.</summary>
    internal int Erase(string customerId)
    {
        lock (gate)
        {
            var erased = 0;
            for (var i = 0; i < entries.Count; i++)
            {
                if (AuditErasure.MayConcern(entries[i], customerId) && AuditErasure.Redact(entries[i], customerId) is { } redacted)
                {
                    entries[i] = redacted;
                    erased++;
                }
            }

            return erased;
        }
    }

    public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var page = new List<AuditEntry>(Math.Min(query.Limit, 256));
            for (var i = entries.Count - 1; i >= 0 && page.Count < query.Limit; i--)
            {
                if (query.Matches(entries[i]))
                {
                    page.Add(entries[i]);
                }
            }

            return Task.FromResult(new AuditPage([.. page], page.Count == query.Limit ? page[^1].Seq : null));
        }
    }

    public IAsyncEnumerable<AuditEntry> ReadAllAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return entries.ToArray().ToAsyncEnumerable();
        }
    }
}
