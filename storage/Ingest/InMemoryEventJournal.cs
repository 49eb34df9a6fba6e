using HealthGrid.Domain.Ingest;
using Microsoft.Extensions.Options;

namespace HealthGrid.Storage.Ingest;

/// <summary>
/// Embedded mode's journal: it keeps nothing (grain state is in memory too) but the most recent
/// event ids, so retries are answered as duplicates within that window.
/// </summary>
public sealed class InMemoryEventJournal(IOptions<JournalOptions> options) : IEventJournal
{
    private readonly int capacity = options.Value.InMemoryIdempotencyWindow;
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();
    private readonly Lock gate = new();
    private long nextSeq;

    public ValueTask<JournalAppendResult[]> AppendAsync(string streamId, IReadOnlyList<Interaction> events, CancellationToken cancellationToken = default)
    {
        var results = new JournalAppendResult[events.Count];
        lock (gate)
        {
            for (var i = 0; i < events.Count; i++)
            {
                var id = events[i].EventId;
                if (!seen.Add(id))
                {
                    results[i] = JournalAppendResult.Duplicate;
                    continue;
                }

                order.Enqueue(id);
                if (order.Count > capacity)
                {
                    seen.Remove(order.Dequeue());
                }

                results[i] = JournalAppendResult.AcceptedAt(++nextSeq);
            }
        }

        return ValueTask.FromResult(results);
    }

    public IAsyncEnumerable<JournalEntry> ReadAsync(string streamId, long afterSeq, CancellationToken cancellationToken = default) =>
        AsyncEnumerable.Empty<JournalEntry>();
}
