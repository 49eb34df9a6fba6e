using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using HealthGrid.Domain.Ingest;
using HealthGrid.Hosting.Background;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace HealthGrid.Storage.Ingest;

/// <summary>
/// The event log in PostgreSQL, written by one group-commit loop per silo: appends queue up while a
/// commit is in flight and go together in the next one (one multi-row INSERT, committed with
/// fsync), so the database sees a round-trip per batch, not per event. An append completes only
/// after its commit; the unique event id makes retries duplicates.
/// </summary>
public sealed partial class PostgresEventJournal(NpgsqlDataSource database, JournalMetrics metrics, IOptions<JournalOptions> options, TimeProvider time, ILogger<PostgresEventJournal> logger)
    : QueueLoop<PostgresEventJournal.PendingAppend>(time, logger), IEventJournal
{
    private const string InsertSql = """
        INSERT INTO healthgrid_event_log (event_id, stream_id, received_at, payload)
        SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::jsonb[])
        ON CONFLICT (event_id) DO NOTHING
        RETURNING event_id, seq
        """;

    private readonly int maxBatch = options.Value.MaxBatch;
    private readonly List<PendingAppend> batch = [];

    /// <summary>Up before any grain can append, down after the last one has.</summary>
    public override LoopStage Stage => LoopStage.Storage;

    public ValueTask<JournalAppendResult[]> AppendAsync(string streamId, IReadOnlyList<Interaction> events, CancellationToken cancellationToken = default)
    {
        var payloads = new string[events.Count];
        for (var i = 0; i < payloads.Length; i++)
        {
            payloads[i] = JsonSerializer.Serialize(events[i], JournalJson.Default.Interaction);
        }

        var pending = new PendingAppend(streamId, events, payloads);
        if (!TryEnqueue(pending))
        {
            throw new JournalUnavailableException("The event journal is shutting down.");
        }

        return new ValueTask<JournalAppendResult[]>(pending.Done.Task);
    }

    public async IAsyncEnumerable<JournalEntry> ReadAsync(string streamId, long afterSeq, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("SELECT seq, payload::text FROM healthgrid_event_log WHERE stream_id = $1 AND seq > $2 ORDER BY seq");
        command.Parameters.Add(new() { Value = streamId });
        command.Parameters.Add(new() { Value = afterSeq });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var interaction = JsonSerializer.Deserialize(reader.GetString(1), JournalJson.Default.Interaction)!;
            yield return new JournalEntry(reader.GetInt64(0), interaction);
        }
    }

    /// <summary>One group commit: whatever queued up while the previous one was in flight, up to the batch limit.</summary>
    protected override async Task RunOnceAsync()
    {
        var events = 0;
        while (events < maxBatch && Queue.TryRead(out var pending))
        {
            batch.Add(pending);
            events += pending.Events.Count;
        }

        await CommitAsync(batch, events);
        batch.Clear();
    }

    private async Task CommitAsync(List<PendingAppend> batch, int count)
    {
        var ids = new string[count];
        var streams = new string[count];
        var received = new DateTime[count];
        var payloads = new string[count];
        var n = 0;
        foreach (var pending in batch)
        {
            for (var i = 0; i < pending.Events.Count; i++, n++)
            {
                ids[n] = pending.Events[i].EventId;
                streams[n] = pending.StreamId;
                received[n] = pending.Events[i].ReceivedAt.UtcDateTime;
                payloads[n] = pending.Payloads[i];
            }
        }

        var started = Stopwatch.GetTimestamp();
        Dictionary<string, long> accepted;
        try
        {
            accepted = await InsertAsync(ids, streams, received, payloads);
        }
        catch (Exception ex)
        {
            // The commit failed or its outcome is unknown: nothing is acknowledged, the grains rebuild from the log.
            metrics.Failed();
            LogCommitFailed(ex, count);
            var unavailable = new JournalUnavailableException("The event log could not be written.", ex);
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(unavailable);
            }

            return;
        }

        metrics.Committed(Stopwatch.GetElapsedTime(started), count);
        foreach (var pending in batch)
        {
            var results = new JournalAppendResult[pending.Events.Count];
            for (var i = 0; i < results.Length; i++)
            {
                // Remove as we go: a second copy of an id in the same batch is a duplicate.
                results[i] = accepted.Remove(pending.Events[i].EventId, out var seq) ? JournalAppendResult.AcceptedAt(seq) : JournalAppendResult.Duplicate;
            }

            pending.Done.TrySetResult(results);
        }
    }

    private async Task<Dictionary<string, long>> InsertAsync(string[] ids, string[] streams, DateTime[] received, string[] payloads)
    {
        await using var command = database.CreateCommand(InsertSql);
        command.Parameters.Add(new() { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = streams, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = received, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = payloads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        var accepted = new Dictionary<string, long>(ids.Length, StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            accepted[reader.GetString(0)] = reader.GetInt64(1);
        }

        return accepted;
    }

    /// <summary>One grain's events waiting for the next commit.</summary>
    public sealed class PendingAppend(string streamId, IReadOnlyList<Interaction> events, string[] payloads)
    {
        public string StreamId { get; } = streamId;

        public IReadOnlyList<Interaction> Events { get; } = events;

        public string[] Payloads { get; } = payloads;

        public TaskCompletionSource<JournalAppendResult[]> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Group commit of {Count} events failed; they were answered unavailable")]
    private partial void LogCommitFailed(Exception exception, int count);
}
