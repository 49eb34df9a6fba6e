using System.Text.Json;
using HealthGrid.Domain.Audit;
using HealthGrid.Domain.Privacy;
using HealthGrid.Storage.Audit;
using HealthGrid.Storage.Ingest;
using Npgsql;

namespace HealthGrid.Storage.Privacy;

/// <summary>
/// Erasure in PostgreSQL: the customer's rows are deleted from every HealthGrid table in one
/// transaction, and the audit entries about it are redacted in place (the table's trigger admits
/// exactly that change: the digests of what was there, the chain's fields unchanged). Every table is
/// reached through an index on the customer (or, for notifications, on their alerts).
/// </summary>
public sealed class PostgresCustomerErasureStore(NpgsqlDataSource database) : ICustomerErasureStore
{
    public async Task<ErasureReport> EraseAsync(string customerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        async Task<int> DeleteAsync(string sql, object value)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("id", value);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var events = await DeleteAsync("DELETE FROM healthgrid_event_log WHERE stream_id = @id", JournalStreams.Customer(customerId));
        var notifications = await DeleteAsync("DELETE FROM healthgrid_notifications WHERE alert_id IN (SELECT alert_id FROM healthgrid_alerts WHERE customer_id = @id)", customerId);
        var alerts = await DeleteAsync("DELETE FROM healthgrid_alerts WHERE customer_id = @id", customerId);
        var cases = await DeleteAsync("DELETE FROM healthgrid_cases WHERE customer_id = @id", customerId);
        var changes = await DeleteAsync("DELETE FROM healthgrid_score_changes WHERE customer_id = @id", customerId);
        var continuity = await DeleteAsync("DELETE FROM healthgrid_continuity_run_customers WHERE customer_id = @id", customerId);
        var clientIds = await DeleteAsync("DELETE FROM healthgrid_client_ids WHERE customer_id = @id", customerId);
        var identities = await DeleteAsync("DELETE FROM healthgrid_identities WHERE customer_id = @id", customerId);
        await DeleteAsync("DELETE FROM healthgrid_customer_timers WHERE customer_id = @id", customerId);
        await DeleteAsync("DELETE FROM healthgrid_customer_dependencies WHERE customer_id = @id", customerId);
        await DeleteAsync("DELETE FROM healthgrid_customers WHERE customer_id = @id", customerId);
        var audit = await RedactAuditAsync(connection, transaction, customerId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ErasureReport
        {
            Events = events, ScoreChanges = changes, Cases = cases, Alerts = alerts, Notifications = notifications,
            ContinuityResults = continuity, ClientIds = clientIds, AuditEntries = audit, Identities = identities,
        };
    }

    private static async Task<int> RedactAuditAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string customerId, CancellationToken cancellationToken)
    {
        var redacted = new List<AuditEntry>();
        await using (var find = new NpgsqlCommand($"SELECT {PostgresAuditLog.Columns} FROM healthgrid_audit_log WHERE object = @object OR details LIKE @mention", connection, transaction))
        {
            find.Parameters.AddWithValue("object", $"customer/{customerId}");
            find.Parameters.AddWithValue("mention", "%" + PostgresAuditLog.EscapeLike(JsonSerializer.Serialize(customerId)) + "%");
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (AuditErasure.Redact(PostgresAuditLog.Read(reader), customerId) is { } entry)
                {
                    redacted.Add(entry);
                }
            }
        }

        foreach (var entry in redacted)
        {
            await using var update = new NpgsqlCommand("""
                UPDATE healthgrid_audit_log SET object = @object, details = @details, erased = true, object_digest = @objectDigest, details_digest = @detailsDigest
                WHERE seq = @seq
                """, connection, transaction);
            update.Parameters.AddWithValue("object", entry.Object);
            update.Parameters.AddWithValue("details", (object?)entry.Details ?? DBNull.Value);
            update.Parameters.AddWithValue("objectDigest", entry.Erased!.ObjectDigest);
            update.Parameters.AddWithValue("detailsDigest", (object?)entry.Erased.DetailsDigest ?? DBNull.Value);
            update.Parameters.AddWithValue("seq", entry.Seq);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        return redacted.Count;
    }
}
