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
/// <para>
/// The log is partitioned by month of receipt (retention drops whole months), and PostgreSQL makes
/// an id unique only within its month: an event that occurred before its month began is also looked
/// for in the earlier months its original can be in, so a retry is a duplicate for as long as the
/// month of its original is kept.
/// </para>
/// </summary>
public sealed partial class PostgresEventJournal(NpgsqlDataSource database, JournalMetrics metrics, IOptions<JournalOptions> options, TimeProvider time, ILogger<PostgresEventJournal> logger)
    : QueueLoop<PostgresEventJournal.PendingAppend>(time, logger), IEventJournal
{
    private const string InsertSql = """
        INSERT INTO healthgrid_event_log (event_id, stream_id, received_at, received_month, payload)
        SELECT u.event_id, u.stream_id, u.received_at, u.received_month, u.payload
        FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::date[], $5::jsonb[]) WITH ORDINALITY AS u(event_id, stream_id, received_at, received_month, payload, n)
        ORDER BY u.n
        ON CONFLICT (event_id, received_month) DO NOTHING
        RETURNING event_id, seq
        """;

    /// <summary>The same, for a batch with events that may be retries of an earlier month's: those look in the months their original can be in.</summary>
    private const string InsertCheckingEarlierMonthsSql = """
        INSERT INTO healthgrid_event_log (event_id, stream_id, received_at, received_month, payload)
        SELECT u.event_id, u.stream_id, u.received_at, u.received_month, u.payload
        FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::date[], $5::jsonb[], $6::date[]) WITH ORDINALITY AS u(event_id, stream_id, received_at, received_month, payload, earliest_month, n)
        WHERE u.earliest_month >= u.received_month
           OR NOT EXISTS (SELECT 1 FROM healthgrid_event_log o
                          WHERE o.event_id = u.event_id AND o.received_month >= u.earliest_month AND o.received_month < u.received_month)
        ORDER BY u.n
        ON CONFLICT (event_id, received_month) DO NOTHING
        RETURNING event_id, seq
        """;

    private readonly int maxBatch = options.Value.MaxBatch;
    private readonly List<PendingAppend> batch = [];
    private readonly EventLogPartitions partitions = new(database);

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
        var rows = new BatchRows(count);
        foreach (var pending in batch)
        {
            for (var i = 0; i < pending.Events.Count; i++)
            {
                rows.Add(pending.Events[i], pending.StreamId, pending.Payloads[i]);
            }
        }

        var started = Stopwatch.GetTimestamp();
        Dictionary<string, long> accepted;
        try
        {
            await partitions.EnsureAsync(rows.Months);
            accepted = await InsertAsync(rows);
        }
        catch (Exception ex)
        {
            // The commit failed or its outcome is unknown: nothing is acknowledged, the grains rebuild from the log.
            metrics.Failed();
            partitions.Forget();
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

    private async Task<Dictionary<string, long>> InsertAsync(BatchRows rows)
    {
        await using var command = database.CreateCommand(rows.ReachesEarlierMonths ? InsertCheckingEarlierMonthsSql : InsertSql);
        command.Parameters.Add(new() { Value = rows.Ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = rows.Streams, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = rows.Received, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = rows.ReceivedMonths, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
        command.Parameters.Add(new() { Value = rows.Payloads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        if (rows.ReachesEarlierMonths)
        {
            command.Parameters.Add(new() { Value = rows.EarliestMonths, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
        }

        var accepted = new Dictionary<string, long>(rows.Ids.Count, StringComparer.Ordinal);
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
