using HealthGrid.Domain.Ingest;

namespace HealthGrid.Storage.Ingest;

/// <summary>
/// The append-only event log. An append returns once the events are durable (or, in embedded mode,
/// deduplicated); each event id is accepted once, ever after answered as a duplicate.
/// </summary>
public interface IEventJournal
{
    /// <summary>Appends events to a stream in order. Throws <see cref="JournalUnavailableException"/> when durability failed or is unknown.</summary>
    ValueTask<JournalAppendResult[]> AppendAsync(string streamId, IReadOnlyList<Interaction> events, CancellationToken cancellationToken = default);

    /// <summary>The stream's events after <paramref name="afterSeq"/>, oldest first: what a grain replays over its snapshot.</summary>
    IAsyncEnumerable<JournalEntry> ReadAsync(string streamId, long afterSeq, CancellationToken cancellationToken = default);
}
