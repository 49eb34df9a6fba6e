using System.Text.Json;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Wire;
using HealthGrid.Storage.Ingest;
using Npgsql;
using NpgsqlTypes;

namespace HealthGrid.Storage.Projections;

/// <summary>The case and alert tables: batched version-guarded upserts, and the filtered lists.</summary>
internal static class CaseAndAlertRows
{
    public static async Task UpsertCasesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<CaseView> cases, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO healthgrid_cases (case_id, customer_id, account_id, team, process_owner, journey_stage, status, sla_state, is_open, next_due_at, updated_at, version, document)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::boolean[],
                                 $10::timestamptz[], $11::timestamptz[], $12::bigint[], $13::jsonb[])
            ON CONFLICT (case_id) DO UPDATE SET
                customer_id = excluded.customer_id, account_id = excluded.account_id, team = excluded.team, process_owner = excluded.process_owner,
                journey_stage = excluded.journey_stage, status = excluded.status, sla_state = excluded.sla_state, is_open = excluded.is_open,
                next_due_at = excluded.next_due_at, updated_at = excluded.updated_at, version = excluded.version, document = excluded.document
            WHERE excluded.version >= healthgrid_cases.version
            """, connection, transaction);
        Text(command, cases.Select(c => c.Id));
        Text(command, cases.Select(c => c.CustomerId));
        Text(command, cases.Select(c => c.AccountId));
        Text(command, cases.Select(c => c.Team));
        Text(command, cases.Select(c => c.ProcessOwner));
        Text(command, cases.Select(c => c.JourneyStage));
        Text(command, cases.Select(c => EnumNames<CaseStatus>.Name(c.Status)));
        Text(command, cases.Select(c => EnumNames<SlaState>.Name(c.SlaState)));
        command.Parameters.Add(new NpgsqlParameter { Value = cases.Select(c => c.IsOpen).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = cases.Select(c => c.NextDueAt?.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = cases.Select(c => c.UpdatedAt.UtcDateTime).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = cases.Select(c => c.Version).ToArray() });
        Json(command, cases.Select(c => JsonSerializer.Serialize(c, JournalJson.Default.CaseView)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task UpsertAlertsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<Alert> alerts, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO healthgrid_alerts (alert_id, type, state, audiences, customer_id, case_id, updated_at, version, document, account_id)
            SELECT a.id, a.type, a.state, string_to_array(a.audiences, ' '), a.customer_id, a.case_id, a.updated_at, a.version, a.document, a.account_id
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::bigint[], $9::jsonb[], $10::text[])
                 AS a(id, type, state, audiences, customer_id, case_id, updated_at, version, document, account_id)
            ON CONFLICT (alert_id) DO UPDATE SET
                type = excluded.type, state = excluded.state, audiences = excluded.audiences, customer_id = excluded.customer_id, account_id = excluded.account_id,
                case_id = excluded.case_id, updated_at = excluded.updated_at, version = excluded.version, document = excluded.document
            WHERE excluded.version >= healthgrid_alerts.version
            """, connection, transaction);
        Text(command, alerts.Select(a => a.Id));
        Text(command, alerts.Select(a => EnumNames<AlertType>.Name(a.Type)));
        Text(command, alerts.Select(a => EnumNames<AlertState>.Name(a.State)));
        Text(command, alerts.Select(a => string.Join(' ', a.Audiences.Select(x => x.Group))));
        Text(command, alerts.Select(a => a.CustomerId));
        Text(command, alerts.Select(a => a.CaseId));
        command.Parameters.Add(new NpgsqlParameter { Value = alerts.Select(a => a.UpdatedAt.UtcDateTime).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = alerts.Select(a => a.Version).ToArray() });
        Json(command, alerts.Select(a => JsonSerializer.Serialize(a, JournalJson.Default.Alert)));
        Text(command, alerts.Select(a => a.AccountId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<CasePage> QueryCasesAsync(NpgsqlDataSource database, CaseQuery query, CancellationToken cancellationToken)
    {
        var filter = new SqlFilter();
        filter.Equal("customer_id", query.CustomerId);
        if (query.Scope is { } scope)
        {
            filter.Where("(account_id = ANY(@0) OR team = ANY(@1) OR process_owner = ANY(@2))", scope.Accounts, scope.Teams, scope.ProcessOwners);
        }

        filter.Equal("team", query.Team);
        filter.Equal("process_owner", query.ProcessOwner);
        filter.Equal("journey_stage", query.JourneyStage);
        filter.Equal("sla_state", query.SlaState is { } state ? EnumNames<SlaState>.Name(state) : null);
        filter.Equal("is_open", query.Open);
        var (items, total) = await filter.PageAsync(database, "healthgrid_cases", "next_due_at NULLS LAST, updated_at DESC, case_id", query.Offset, query.Limit,
            json => JsonSerializer.Deserialize(json, JournalJson.Default.CaseView)!, cancellationToken);
        return new CasePage(items, total, query.Offset, query.Limit);
    }

    public static async Task<AlertPage> QueryAlertsAsync(NpgsqlDataSource database, AlertQuery query, CancellationToken cancellationToken)
    {
        var filter = new SqlFilter();
        filter.Contains("audiences", query.Audience?.Group);
        if (query.VisibleAudiences is { } visible)
        {
            filter.Where("(audiences && @0::text[] OR account_id = ANY(@1))", visible, query.VisibleAccounts ?? []);
        }

        filter.Equal("state", query.State is { } state ? EnumNames<AlertState>.Name(state) : null);
        filter.Equal("type", query.Type is { } type ? EnumNames<AlertType>.Name(type) : null);
        filter.Equal("customer_id", query.CustomerId);
        filter.Equal("case_id", query.CaseId);
        var (items, total) = await filter.PageAsync(database, "healthgrid_alerts", "updated_at DESC, alert_id", query.Offset, query.Limit,
            json => JsonSerializer.Deserialize(json, JournalJson.Default.Alert)!, cancellationToken);
        return new AlertPage(items, total, query.Offset, query.Limit);
    }

    public static async Task<CaseView?> GetCaseAsync(NpgsqlDataSource database, string caseId, CancellationToken cancellationToken) =>
        await DocumentAsync(database, "SELECT document::text FROM healthgrid_cases WHERE case_id = $1", caseId, cancellationToken) is { } json
            ? JsonSerializer.Deserialize(json, JournalJson.Default.CaseView)
            : null;

    public static async Task<Alert?> GetAlertAsync(NpgsqlDataSource database, string alertId, CancellationToken cancellationToken) =>
        await DocumentAsync(database, "SELECT document::text FROM healthgrid_alerts WHERE alert_id = $1", alertId, cancellationToken) is { } json
            ? JsonSerializer.Deserialize(json, JournalJson.Default.Alert)
            : null;

    private static async Task<string?> DocumentAsync(NpgsqlDataSource database, string sql, string id, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    private static void Text(NpgsqlCommand command, IEnumerable<string?> values) =>
        command.Parameters.Add(new NpgsqlParameter { Value = values.Select(v => (object?)v ?? DBNull.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });

    private static void Json(NpgsqlCommand command, IEnumerable<string> values) =>
        command.Parameters.Add(new NpgsqlParameter { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
}
