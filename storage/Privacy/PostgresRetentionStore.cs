using System.Text.Json;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Privacy;
using HealthGrid.Storage.Ingest;
using Npgsql;
using NpgsqlTypes;

namespace HealthGrid.Storage.Privacy;

/// <summary>
/// Retention in PostgreSQL. Months of the event log go as tables (the log is partitioned by month of
/// receipt, migration 0017): detached without blocking the journal's inserts, then dropped. Texts are
/// replaced in place, walking the log in sequence order from where the last pass stopped
/// (<c>healthgrid_retention_progress</c>). Resolved cases and alerts are deleted in bounded batches, so
/// no pass holds a long transaction over the tables ingest writes to.
/// </summary>
public sealed class PostgresRetentionStore(NpgsqlDataSource database) : IRetentionStore
{
    /// <summary>The advisory lock a pass holds: any fixed number no other HealthGrid lock uses.</summary>
    private const long PassLock = 0x4847_5245_5445_4E;

    private const int Page = 1_000;
    private const string TextProgress = "texts";

    /// <summary>The event fields that can carry free text: only such rows are read.</summary>
    private static readonly string[] TextFields = ["message", "ticket", "survey", "complaint", "social"];

    public async Task<IAsyncDisposable?> TryLeadAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        take.Parameters.AddWithValue("key", PassLock);
        if ((bool)(await take.ExecuteScalarAsync(cancellationToken))!)
        {
            return new Lead(connection);
        }

        await connection.DisposeAsync();
        return null;
    }

    public async Task<long> ExpireTextsAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken)
    {
        long expired = 0;
        var after = await ProgressAsync(cancellationToken);
        while (true)
        {
            var (changed, last, reachedCutoff) = await ReadTextPageAsync(after, receivedBefore, cancellationToken);
            if (last == after)
            {
                return expired;
            }

            await WriteTextPageAsync(changed, last, cancellationToken);
            expired += changed.Count;
            after = last;
            if (reachedCutoff)
            {
                return expired;
            }
        }
    }

    public async Task<RetentionReport> PurgeResolvedAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken)
    {
        long cases = 0, released = 0, alerts = 0, notifications = 0;
        while (true)
        {
            var (deleted, ids) = await DeleteBatchAsync("""
                WITH gone AS (
                    DELETE FROM healthgrid_cases WHERE case_id IN (
                        SELECT case_id FROM healthgrid_cases WHERE NOT is_open AND updated_at < @before LIMIT 5000)
                    RETURNING case_id),
                released AS (
                    DELETE FROM healthgrid_client_ids WHERE kind = 'case' AND id IN (SELECT case_id FROM gone) RETURNING 1)
                SELECT (SELECT count(*) FROM gone), (SELECT count(*) FROM released)
                """, updatedBefore, cancellationToken);
            cases += deleted;
            released += ids;
            if (deleted == 0)
            {
                break;
            }
        }

        while (true)
        {
            var (deleted, sent) = await DeleteBatchAsync("""
                WITH gone AS (
                    DELETE FROM healthgrid_alerts WHERE alert_id IN (
                        SELECT alert_id FROM healthgrid_alerts WHERE state = 'resolved' AND updated_at < @before LIMIT 5000)
                    RETURNING alert_id),
                notifications AS (
                    DELETE FROM healthgrid_notifications WHERE alert_id IN (SELECT alert_id FROM gone) RETURNING 1)
                SELECT (SELECT count(*) FROM gone), (SELECT count(*) FROM notifications)
                """, updatedBefore, cancellationToken);
            alerts += deleted;
            notifications += sent;
            if (deleted == 0)
            {
                break;
            }
        }

        return new RetentionReport { Cases = cases, ClientIds = released, Alerts = alerts, Notifications = notifications };
    }

    public async Task<long> PurgeParkedAsync(DateTimeOffset parkedBefore, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("DELETE FROM healthgrid_parked_events WHERE parked_at < $1");
        command.Parameters.Add(new() { Value = parkedBefore });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> ReleaseConversationIdsAsync(DateTimeOffset claimedBefore, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("DELETE FROM healthgrid_client_ids WHERE kind = $1 AND claimed_at < $2");
        command.Parameters.Add(new() { Value = ClientIds.Interaction });
        command.Parameters.Add(new() { Value = claimedBefore });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DateOnly>> MonthsBeforeAsync(DateOnly oldestKept, CancellationToken cancellationToken)
    {
        // Partitions of the log, and tables a pass detached but did not get to drop (it stopped in between).
        await using var command = database.CreateCommand("""
            SELECT c.relname FROM pg_class c
            WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace AND c.relname LIKE 'healthgrid\_event\_log\_%'
            """);
        var months = new List<DateOnly>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (EventLogPartitions.MonthOfTable(reader.GetString(0)) is { } month && month < oldestKept)
            {
                months.Add(month);
            }
        }

        months.Sort();
        return months;
    }

    public async Task<IReadOnlyList<StreamMark>> StreamsInAsync(DateOnly month, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"SELECT stream_id, max(seq), count(*) FROM {EventLogPartitions.TableOf(month)} GROUP BY stream_id");
        var streams = new List<StreamMark>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            streams.Add(new StreamMark(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        return streams;
    }

    public async Task<RetentionReport> DropMonthAsync(DateOnly month, CancellationToken cancellationToken)
    {
        var table = EventLogPartitions.TableOf(month);
        long events;
        long lastSeq;
        await using (var count = database.CreateCommand($"SELECT count(*), coalesce(max(seq), 0) FROM {table}"))
        await using (var reader = await count.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (events, lastSeq) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        // The score history of those events: a row's seq is its event's (earlier months' rows went with them).
        long changes;
        await using (var history = database.CreateCommand("DELETE FROM healthgrid_score_changes WHERE seq <= $1"))
        {
            history.Parameters.Add(new() { Value = lastSeq });
            changes = await history.ExecuteNonQueryAsync(cancellationToken);
        }

        if (await IsPartitionAsync(table, cancellationToken))
        {
            // CONCURRENTLY: the journal keeps inserting into this month's successors while the month is detached.
            await ExecuteAsync($"ALTER TABLE healthgrid_event_log DETACH PARTITION {table} CONCURRENTLY", cancellationToken);
        }

        await ExecuteAsync($"DROP TABLE IF EXISTS {table}", cancellationToken);
        return new RetentionReport { Months = [month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)], Events = events, ScoreChanges = changes };
    }

    private async Task<bool> IsPartitionAsync(string table, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT inhdetachpending FROM pg_inherits WHERE inhrelid = $1::regclass");
        command.Parameters.Add(new() { Value = table });
        var pending = await command.ExecuteScalarAsync(cancellationToken);
        if (pending is true)
        {
            // A detach that was cut short (the silo stopped in the middle) is finished rather than begun again.
            await ExecuteAsync($"ALTER TABLE healthgrid_event_log DETACH PARTITION {table} FINALIZE", cancellationToken);
            return false;
        }

        return pending is false;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<(long First, long Second)> DeleteBatchAsync(string sql, DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue("before", before);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private async Task<long> ProgressAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT last_seq FROM healthgrid_retention_progress WHERE name = $1");
        command.Parameters.Add(new() { Value = TextProgress });
        return await command.ExecuteScalarAsync(cancellationToken) is long seq ? seq : 0;
    }

    /// <summary>
    /// The next page of events with text after <paramref name="after"/>, in sequence order, up to the first
    /// one received at or after the cutoff: the events whose text expires, the sequence number the walk has
    /// reached, and whether it reached the cutoff (the rest is younger).
    /// </summary>
    private async Task<(List<ExpiredText> Changed, long Last, bool ReachedCutoff)> ReadTextPageAsync(long after, DateTimeOffset receivedBefore, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            SELECT seq, received_month, received_at, payload::text FROM healthgrid_event_log
            WHERE seq > $1 AND payload ?| $2 ORDER BY seq LIMIT $3
            """);
        command.Parameters.Add(new() { Value = after });
        command.Parameters.Add(new() { Value = TextFields, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = Page });
        var changed = new List<ExpiredText>();
        var last = after;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetFieldValue<DateTimeOffset>(2) >= receivedBefore)
            {
                // Sequence numbers follow receipt (within a commit's milliseconds): what comes after is younger.
                return (changed, last, true);
            }

            last = reader.GetInt64(0);
            var e = JsonSerializer.Deserialize(reader.GetString(3), JournalJson.Default.Interaction)!;
            if (TextExpiry.Expire(e) is { } expired)
            {
                changed.Add(new ExpiredText(last, reader.GetFieldValue<DateOnly>(1), JsonSerializer.Serialize(expired, JournalJson.Default.Interaction)));
            }
        }

        return (changed, last, false);
    }

    /// <summary>The page's new payloads and the walk's progress, in one transaction.</summary>
    private async Task WriteTextPageAsync(List<ExpiredText> changed, long last, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (changed.Count > 0)
        {
            await using var update = new NpgsqlCommand("""
                UPDATE healthgrid_event_log l SET payload = u.payload
                FROM unnest(@seqs, @months, @payloads) AS u(seq, month, payload)
                WHERE l.seq = u.seq AND l.received_month = u.month
                """, connection, transaction);
            update.Parameters.Add(new NpgsqlParameter("seqs", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = changed.Select(c => c.Seq).ToArray() });
            update.Parameters.Add(new NpgsqlParameter("months", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = changed.Select(c => c.Month).ToArray() });
            update.Parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = changed.Select(c => c.Payload).ToArray() });
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var progress = new NpgsqlCommand("""
            INSERT INTO healthgrid_retention_progress (name, last_seq) VALUES (@name, @seq)
            ON CONFLICT (name) DO UPDATE SET last_seq = excluded.last_seq
            """, connection, transaction))
        {
            progress.Parameters.AddWithValue("name", TextProgress);
            progress.Parameters.AddWithValue("seq", last);
            await progress.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private sealed record ExpiredText(long Seq, DateOnly Month, string Payload);

    /// <summary>The pass's lock, released with its connection.</summary>
    private sealed class Lead(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                release.Parameters.AddWithValue("key", PassLock);
                await release.ExecuteScalarAsync();
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
