using System.Text.Json;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Wire;
using HealthGrid.Storage.Ingest;
using Npgsql;
using NpgsqlTypes;

namespace HealthGrid.Storage.Continuity;

/// <summary>Scenarios and runs in PostgreSQL: documents beside the columns lists sort by; a run's customers are written with COPY.</summary>
public sealed class PostgresContinuityStore(NpgsqlDataSource database) : IContinuityStore
{
    public async Task SaveScenarioAsync(ContinuityScenario scenario, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO healthgrid_continuity_scenarios (scenario_id, name, created_at, document) VALUES ($1, $2, $3, $4)
            ON CONFLICT (scenario_id) DO UPDATE SET name = excluded.name, document = excluded.document
            """);
        command.Parameters.Add(new() { Value = scenario.Id });
        command.Parameters.Add(new() { Value = scenario.Name });
        command.Parameters.Add(new() { Value = scenario.CreatedAt.UtcDateTime });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(scenario, JournalJson.Default.ContinuityScenario), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<ContinuityScenario[]> ListScenariosAsync(CancellationToken cancellationToken) =>
        ReadAsync("SELECT document::text FROM healthgrid_continuity_scenarios ORDER BY created_at DESC, scenario_id", [], Scenario, cancellationToken);

    public async Task<ContinuityScenario?> GetScenarioAsync(string scenarioId, CancellationToken cancellationToken) =>
        (await ReadAsync("SELECT document::text FROM healthgrid_continuity_scenarios WHERE scenario_id = $1", [scenarioId], Scenario, cancellationToken)).FirstOrDefault();

    public async Task<bool> DeleteScenarioAsync(string scenarioId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("DELETE FROM healthgrid_continuity_scenarios WHERE scenario_id = $1");
        command.Parameters.Add(new() { Value = scenarioId });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task SaveRunAsync(ContinuityRun run, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await UpsertRunAsync(connection, null, run, cancellationToken);
    }

    public async Task CompleteRunAsync(ContinuityRun run, IReadOnlyList<ImpactRow> rows, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await UpsertRunAsync(connection, transaction, run, cancellationToken);
        await using (var delete = new NpgsqlCommand("DELETE FROM healthgrid_continuity_run_customers WHERE run_id = $1", connection, transaction))
        {
            delete.Parameters.Add(new() { Value = run.Id });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY healthgrid_continuity_run_customers (run_id, rank, customer_id, document) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(run.Id, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(row.Rank, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(row.Impact.CustomerId, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(JsonSerializer.Serialize(row, JournalJson.Default.ImpactRow), NpgsqlDbType.Jsonb, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public Task<ContinuityRun[]> ListRunsAsync(string? scenarioId, CancellationToken cancellationToken) => ReadAsync(
        "SELECT document::text FROM healthgrid_continuity_runs WHERE $1::text IS NULL OR scenario_id = $1 ORDER BY requested_at DESC, run_id",
        [scenarioId], Run, cancellationToken);

    public async Task<ContinuityRun?> GetRunAsync(string runId, CancellationToken cancellationToken) =>
        (await ReadAsync("SELECT document::text FROM healthgrid_continuity_runs WHERE run_id = $1", [runId], Run, cancellationToken)).FirstOrDefault();

    /// <summary>Ranks run from 1 without gaps, so a page is a range of them, not an OFFSET scan.</summary>
    public Task<ImpactRow[]> GetRunCustomersAsync(string runId, int offset, int limit, CancellationToken cancellationToken) => ReadAsync(
        "SELECT document::text FROM healthgrid_continuity_run_customers WHERE run_id = $1 AND rank > $2 AND rank <= $3 ORDER BY rank",
        [runId, offset, (long)offset + limit], text => JsonSerializer.Deserialize(text, JournalJson.Default.ImpactRow)!, cancellationToken);

    private static async Task UpsertRunAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, ContinuityRun run, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO healthgrid_continuity_runs (run_id, scenario_id, status, requested_at, document) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (run_id) DO UPDATE SET status = excluded.status, document = excluded.document
            """, connection, transaction);
        command.Parameters.Add(new() { Value = run.Id });
        command.Parameters.Add(new() { Value = run.ScenarioId });
        command.Parameters.Add(new() { Value = EnumNames<RunStatus>.Name(run.Status) });
        command.Parameters.Add(new() { Value = run.RequestedAt.UtcDateTime });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(run, JournalJson.Default.ContinuityRun), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<T[]> ReadAsync<T>(string sql, object?[] parameters, Func<string, T> read, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(value is null ? new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text } : new NpgsqlParameter { Value = value });
        }

        var items = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(read(reader.GetString(0)));
        }

        return [.. items];
    }

    private static ContinuityScenario Scenario(string text) => JsonSerializer.Deserialize(text, JournalJson.Default.ContinuityScenario)!;

    private static ContinuityRun Run(string text) => JsonSerializer.Deserialize(text, JournalJson.Default.ContinuityRun)!;
}
