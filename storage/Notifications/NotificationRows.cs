using System.Text.Json;
using HealthGrid.Domain.Notifications;
using HealthGrid.Domain.Wire;
using HealthGrid.Storage.Ingest;
using Npgsql;
using NpgsqlTypes;

namespace HealthGrid.Storage.Notifications;

/// <summary>Notification rows in PostgreSQL: written whole (document and the columns derived from it), read as documents.</summary>
internal static class NotificationRows
{
    /// <summary>Audiences travel joined by newlines (unnest would flatten an array of arrays) and are split again here.</summary>
    public const string Upsert = """
        INSERT INTO healthgrid_notifications (id, alert_id, transition, recipient, contact_point, channel, state, severity, due_at, decided_at, sent_at, claimed_until, audiences, account_id, document)
        SELECT id, alert, transition, recipient, point, channel, state, severity, due, decided, sent, NULL, string_to_array(audiences, E'\n'), account, document
        FROM unnest(@id, @alert, @transition, @recipient, @point, @channel, @state, @severity, @due, @decided, @sent, @audiences, @account, @document)
            AS t(id, alert, transition, recipient, point, channel, state, severity, due, decided, sent, audiences, account, document)
        """;

    /// <summary>Applies a flush's decisions inside its transaction: what the alert change requires commits with the alert.</summary>
    public static async Task DecideAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<NotificationDecision> decisions, CancellationToken cancellationToken)
    {
        var settled = decisions.Where(d => d.Settlement is not null).Select(d => d.Settlement!.Alert.Id).Distinct().ToArray();
        var existing = settled.Length == 0 ? [] : await OfAlertsAsync(connection, transaction, settled, cancellationToken);
        var added = new List<NotificationRecord>();
        var known = existing.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var replaced = new Dictionary<string, NotificationRecord>(StringComparer.Ordinal);
        NotificationLedger.Apply(
            decisions,
            alert => [.. existing.Where(r => r.AlertId == alert).Select(r => replaced.GetValueOrDefault(r.Id, r)), .. added.Where(r => r.AlertId == alert)],
            record =>
            {
                if (!known.Add(record.Id))
                {
                    return false;
                }

                added.Add(record);
                return true;
            },
            record =>
            {
                var index = added.FindIndex(r => r.Id == record.Id);
                if (index >= 0)
                {
                    added[index] = record;
                }
                else
                {
                    replaced[record.Id] = record;
                }
            });
        await WriteAsync(connection, transaction, added, $"{Upsert} ON CONFLICT (id) DO NOTHING", cancellationToken);
        await WriteAsync(connection, transaction, [.. replaced.Values], $"{Upsert} {Overwrite}", cancellationToken);
    }

    /// <summary>A row written again replaces every column (its lease ends).</summary>
    public const string Overwrite = """
        ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, due_at = EXCLUDED.due_at, sent_at = EXCLUDED.sent_at,
            claimed_until = EXCLUDED.claimed_until, document = EXCLUDED.document
        """;

    public static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<NotificationRecord> records, string sql, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(sql, connection, transaction);
        Array(command, "id", NpgsqlDbType.Text, records.Select(r => r.Id));
        Array(command, "alert", NpgsqlDbType.Text, records.Select(r => r.AlertId));
        Array(command, "transition", NpgsqlDbType.Text, records.Select(r => r.Transition));
        Array(command, "recipient", NpgsqlDbType.Text, records.Select(r => r.Recipient));
        Array(command, "point", NpgsqlDbType.Text, records.Select(r => r.ContactPoint));
        Array(command, "channel", NpgsqlDbType.Text, records.Select(r => EnumNames<ChannelKind>.Name(r.Channel)));
        Array(command, "state", NpgsqlDbType.Text, records.Select(r => EnumNames<NotificationState>.Name(r.State)));
        Array(command, "severity", NpgsqlDbType.Text, records.Select(r => EnumNames<Domain.Alerts.AlertSeverity>.Name(r.Alert.Severity)));
        Array(command, "due", NpgsqlDbType.TimestampTz, records.Select(r => (object)r.DueAt));
        Array(command, "decided", NpgsqlDbType.TimestampTz, records.Select(r => (object)r.DecidedAt));
        Array(command, "sent", NpgsqlDbType.TimestampTz, records.Select(r => r.SentAt is { } at ? (object)at : DBNull.Value));
        Array(command, "audiences", NpgsqlDbType.Text, records.Select(r => string.Join('\n', r.Alert.Audiences.Select(a => a.Group))));
        Array(command, "account", NpgsqlDbType.Text, records.Select(r => (object?)r.Alert.AccountId ?? DBNull.Value));
        Array(command, "document", NpgsqlDbType.Jsonb, records.Select(r => JsonSerializer.Serialize(r, JournalJson.Default.NotificationRecord)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static NotificationRecord Read(string json) => JsonSerializer.Deserialize(json, JournalJson.Default.NotificationRecord)!;

    private static async Task<List<NotificationRecord>> OfAlertsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string[] alerts, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT document::text FROM healthgrid_notifications WHERE alert_id = ANY(@alerts) FOR UPDATE", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("alerts", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = alerts });
        var records = new List<NotificationRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(Read(reader.GetString(0)));
        }

        return records;
    }

    private static void Array(NpgsqlCommand command, string name, NpgsqlDbType type, IEnumerable<object?> values) =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | type) { Value = values.ToArray() });
}
