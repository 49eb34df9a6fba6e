using System.Text;
using System.Text.Json;
using Dapper;
using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Projections;
using HealthGrid.Domain.Wire;
using HealthGrid.Storage.Ingest;
using HealthGrid.Storage.Notifications;
using Npgsql;
using NpgsqlTypes;

namespace HealthGrid.Storage.Projections;

/// <summary>The read models in PostgreSQL: batched, idempotent writes (one transaction per flush) and indexed queries.</summary>
public sealed class PostgresProjectionStore(NpgsqlDataSource database) : IProjectionStore
{
    private const string DirectoryColumns = "customer_id, account_id, name, tier, segment, region, criticality, revenue, health, band, churn_probability, churn_level, applied_seq, profile_version, updated_at";

    /// <summary>The directory columns, named as <see cref="SummaryRow"/>'s properties: rows are read by name.</summary>
    private const string SummaryColumns = """
        customer_id AS Id, account_id AS AccountId, name AS Name, tier AS Tier, segment AS Segment, region AS Region, criticality AS Criticality,
        revenue AS Revenue, health AS Health, band AS Band, churn_probability AS ChurnProbability, churn_level AS ChurnLevel,
        applied_seq AS AppliedSeq, profile_version AS ProfileVersion, updated_at AS UpdatedAt
        """;

    public async Task WriteAsync(ProjectionBatch batch, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (batch.Summaries.Count > 0)
        {
            await UpsertSummariesAsync(connection, transaction, batch.Summaries, cancellationToken);
        }

        if (batch.Changes.Count > 0)
        {
            await InsertChangesAsync(connection, transaction, batch.Changes, cancellationToken);
        }

        if (batch.Cases.Count > 0)
        {
            await CaseAndAlertRows.UpsertCasesAsync(connection, transaction, batch.Cases, cancellationToken);
        }

        if (batch.Alerts.Count > 0)
        {
            await CaseAndAlertRows.UpsertAlertsAsync(connection, transaction, batch.Alerts, cancellationToken);
        }

        if (batch.Dependencies.Count > 0)
        {
            await DependencyRows.ReplaceAsync(connection, transaction, batch.Dependencies, cancellationToken);
        }

        if (batch.Timers.Count > 0)
        {
            await TimerRows.WriteAsync(connection, transaction, batch.Timers, cancellationToken);
        }

        if (batch.Notifications.Count > 0)
        {
            await NotificationRows.DecideAsync(connection, transaction, batch.Notifications, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public Task<string[]> GetDependentsAsync(IReadOnlyCollection<DisruptionNode> nodes, CancellationToken cancellationToken) => DependencyRows.DependentsAsync(database, nodes, cancellationToken);

    public Task<DependencyNodeView[]> ListDependencyNodesAsync(CancellationToken cancellationToken) => DependencyRows.NodesAsync(database, cancellationToken);

    public async Task<string[]> ListCustomerIdsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition("SELECT customer_id FROM healthgrid_customers", cancellationToken: cancellationToken))];
    }

    public async Task<string[]> ListCustomersWithOpenCasesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition("SELECT DISTINCT customer_id FROM healthgrid_cases WHERE is_open", cancellationToken: cancellationToken))];
    }

    public Task<string[]> GetCustomersWithTimersBeforeAsync(DateTimeOffset until, int limit, CancellationToken cancellationToken) => TimerRows.DueAsync(database, until, limit, cancellationToken);

    public Task<CasePage> QueryCasesAsync(CaseQuery query, CancellationToken cancellationToken) => CaseAndAlertRows.QueryCasesAsync(database, query, cancellationToken);

    public Task<CaseView?> GetCaseAsync(string caseId, CancellationToken cancellationToken) => CaseAndAlertRows.GetCaseAsync(database, caseId, cancellationToken);

    public Task<AlertPage> QueryAlertsAsync(AlertQuery query, CancellationToken cancellationToken) => CaseAndAlertRows.QueryAlertsAsync(database, query, cancellationToken);

    public Task<Alert?> GetAlertAsync(string alertId, CancellationToken cancellationToken) => CaseAndAlertRows.GetAlertAsync(database, alertId, cancellationToken);

    public async Task<BandCounts> CountBandsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Band, long Count)>(new CommandDefinition("SELECT band AS Band, count(*) AS Count FROM healthgrid_customers GROUP BY band", cancellationToken: cancellationToken));
        var counts = rows.ToDictionary(r => Parse<HealthBand>(r.Band), r => (int)r.Count);
        return new BandCounts(counts.GetValueOrDefault(HealthBand.Healthy), counts.GetValueOrDefault(HealthBand.AtRisk), counts.GetValueOrDefault(HealthBand.Critical));
    }

    public async Task<decimal> TotalRevenueAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT coalesce(sum(revenue), 0) FROM healthgrid_customers");
        return (decimal)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<string[]> GetCustomersTrailingTheLogAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var behind = await connection.QueryAsync<string>(new CommandDefinition("""
            SELECT c.customer_id FROM healthgrid_customers c
            WHERE EXISTS (SELECT 1 FROM healthgrid_event_log e WHERE e.stream_id = 'customer/' || c.customer_id AND e.seq > c.applied_seq)
            """, cancellationToken: cancellationToken));
        return [.. behind];
    }

    public async Task UpsertAccountAsync(AccountProfile account, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO healthgrid_accounts (account_id, name, account_manager, segment, region) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (account_id) DO UPDATE SET name = excluded.name, account_manager = excluded.account_manager,
                segment = excluded.segment, region = excluded.region, updated_at = now()
            """);
        command.Parameters.Add(new() { Value = account.Id });
        command.Parameters.Add(new() { Value = account.Name });
        command.Parameters.Add(new() { Value = account.AccountManager });
        command.Parameters.Add(new() { Value = (object?)account.Segment ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)account.Region ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<CustomerPage> QueryCustomersAsync(CustomerQuery query, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"SELECT {SummaryColumns}, count(*) OVER () AS Total FROM healthgrid_customers WHERE true");
        var parameters = new DynamicParameters();
        void Filter(string column, object? value, bool caseInsensitive = false)
        {
            if (value is null)
            {
                return;
            }

            parameters.Add(column, value);
            sql.Append(caseInsensitive ? $" AND lower({column}) = lower(@{column})" : $" AND {column} = @{column}");
        }

        Filter("account_id", query.AccountId);
        if (query.VisibleAccounts is { } visible)
        {
            parameters.Add("visible", visible);
            sql.Append(" AND account_id = ANY(@visible)");
        }

        Filter("band", query.Band is { } band ? EnumNames<HealthBand>.Name(band) : null);
        Filter("tier", query.Tier is { } tier ? EnumNames<Tier>.Name(tier) : null);
        Filter("region", query.Region, caseInsensitive: true);
        Filter("segment", query.Segment, caseInsensitive: true);
        Filter("criticality", query.Criticality is { } criticality ? EnumNames<Criticality>.Name(criticality) : null);
        Filter("churn_level", query.ChurnLevel is { } churn ? EnumNames<ChurnLevel>.Name(churn) : null);
        parameters.Add("limit", query.Limit);
        parameters.Add("offset", query.Offset);
        sql.Append(" ORDER BY health, customer_id LIMIT @limit OFFSET @offset");

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<SummaryRow>(new CommandDefinition(sql.ToString(), parameters, cancellationToken: cancellationToken))).ToList();
        var total = rows.Count > 0 ? (int)rows[0].Total : query.Offset > 0 ? await CountAsync(query, cancellationToken) : 0;
        return new CustomerPage([.. rows.Select(r => r.ToSummary())], total, query.Offset, query.Limit);
    }

    public async Task<CustomerSummary[]> GetAccountCustomersAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition($"SELECT {SummaryColumns} FROM healthgrid_customers WHERE account_id = @accountId", new { accountId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSummary())];
    }

    public async Task<AccountProfile[]> ListAccountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var accounts = await connection.QueryAsync<AccountProfile>(new CommandDefinition(
            "SELECT account_id AS Id, name AS Name, account_manager AS AccountManager, segment AS Segment, region AS Region FROM healthgrid_accounts ORDER BY lower(name), account_id",
            cancellationToken: cancellationToken));
        return [.. accounts];
    }

    public async Task<ScoreChange[]> GetScoreHistoryAsync(string customerId, long? before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ChangeRow>(new CommandDefinition("""
            SELECT seq AS Seq, event_id AS EventId, kind AS Kind, occurred_at AS OccurredAt, score_before AS Before, score_after AS After,
                   band_before AS BandBefore, band_after AS BandAfter, drivers::text AS Drivers
            FROM healthgrid_score_changes
            WHERE customer_id = @customerId AND (@before::bigint IS NULL OR seq < @before)
            ORDER BY seq DESC LIMIT @limit
            """, new { customerId, before, limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToChange(customerId))];
    }

    private static async Task UpsertSummariesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<CustomerSummary> summaries, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            INSERT INTO healthgrid_customers ({DirectoryColumns})
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::numeric[],
                                 $9::double precision[], $10::text[], $11::double precision[], $12::text[], $13::bigint[], $14::bigint[], $15::timestamptz[])
            ON CONFLICT (customer_id) DO UPDATE SET
                account_id = excluded.account_id, name = excluded.name, tier = excluded.tier, segment = excluded.segment,
                region = excluded.region, criticality = excluded.criticality, revenue = excluded.revenue, health = excluded.health,
                band = excluded.band, churn_probability = excluded.churn_probability, churn_level = excluded.churn_level,
                applied_seq = excluded.applied_seq, profile_version = excluded.profile_version, updated_at = excluded.updated_at
            WHERE excluded.applied_seq >= healthgrid_customers.applied_seq
              AND excluded.profile_version >= healthgrid_customers.profile_version
            """, connection, transaction);
        Add(command, summaries.Select(s => s.Id));
        Add(command, summaries.Select(s => s.AccountId));
        Add(command, summaries.Select(s => s.Name));
        Add(command, summaries.Select(s => EnumNames<Tier>.Name(s.Tier)));
        Add(command, summaries.Select(s => s.Segment));
        Add(command, summaries.Select(s => s.Region));
        Add(command, summaries.Select(s => EnumNames<Criticality>.Name(s.Criticality)));
        Add(command, summaries.Select(s => s.Revenue));
        Add(command, summaries.Select(s => s.Health));
        Add(command, summaries.Select(s => EnumNames<HealthBand>.Name(s.Band)));
        Add(command, summaries.Select(s => s.ChurnProbability));
        Add(command, summaries.Select(s => EnumNames<ChurnLevel>.Name(s.ChurnLevel)));
        Add(command, summaries.Select(s => s.AppliedSeq));
        Add(command, summaries.Select(s => s.ProfileVersion));
        Add(command, summaries.Select(s => s.UpdatedAt.UtcDateTime));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task InsertChangesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<ScoreChange> changes, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO healthgrid_score_changes (customer_id, seq, event_id, kind, occurred_at, score_before, score_after, band_before, band_after, drivers)
            SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::timestamptz[], $6::double precision[], $7::double precision[],
                                 $8::text[], $9::text[], $10::jsonb[])
            ON CONFLICT (customer_id, seq) DO NOTHING
            """, connection, transaction);
        Add(command, changes.Select(c => c.CustomerId));
        Add(command, changes.Select(c => c.Seq));
        Add(command, changes.Select(c => c.EventId));
        Add(command, changes.Select(c => EnumNames<InteractionKind>.Name(c.Kind)));
        Add(command, changes.Select(c => c.OccurredAt.UtcDateTime));
        Add(command, changes.Select(c => c.Before));
        Add(command, changes.Select(c => c.After));
        Add(command, changes.Select(c => EnumNames<HealthBand>.Name(c.BandBefore)));
        Add(command, changes.Select(c => EnumNames<HealthBand>.Name(c.BandAfter)));
        command.Parameters.Add(new() { Value = changes.Select(c => JsonSerializer.Serialize(c.Drivers, JournalJson.Default.ScoreDriverArray)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<int> CountAsync(CustomerQuery query, CancellationToken cancellationToken)
    {
        var page = await QueryCustomersAsync(query with { Offset = 0, Limit = 1 }, cancellationToken);
        return page.Total;
    }

    private static void Add<T>(NpgsqlCommand command, IEnumerable<T> values) => command.Parameters.Add(new NpgsqlParameter { Value = values.ToArray() });

    /// <summary>A directory row as read by name; enums are stored by their wire names.</summary>
    private sealed class SummaryRow
    {
        public required string Id { get; init; }

        public required string AccountId { get; init; }

        public required string Name { get; init; }

        public required string Tier { get; init; }

        public required string Segment { get; init; }

        public required string Region { get; init; }

        public required string Criticality { get; init; }

        public decimal Revenue { get; init; }

        public double Health { get; init; }

        public required string Band { get; init; }

        public double ChurnProbability { get; init; }

        public required string ChurnLevel { get; init; }

        public long AppliedSeq { get; init; }

        public long ProfileVersion { get; init; }

        public DateTime UpdatedAt { get; init; }

        /// <summary>The page's total, when read with the window count.</summary>
        public long Total { get; init; }

        public CustomerSummary ToSummary() => new()
        {
            Id = Id,
            AccountId = AccountId,
            Name = Name,
            Tier = Parse<Tier>(Tier),
            Segment = Segment,
            Region = Region,
            Criticality = Parse<Criticality>(Criticality),
            Revenue = Revenue,
            Health = Health,
            Band = Parse<HealthBand>(Band),
            ChurnProbability = ChurnProbability,
            ChurnLevel = Parse<ChurnLevel>(ChurnLevel),
            AppliedSeq = AppliedSeq,
            ProfileVersion = ProfileVersion,
            UpdatedAt = new DateTimeOffset(UpdatedAt, TimeSpan.Zero),
        };
    }

    /// <summary>A score change as read by name.</summary>
    private sealed class ChangeRow
    {
        public long Seq { get; init; }

        public required string EventId { get; init; }

        public required string Kind { get; init; }

        public DateTime OccurredAt { get; init; }

        public double Before { get; init; }

        public double After { get; init; }

        public required string BandBefore { get; init; }

        public required string BandAfter { get; init; }

        public required string Drivers { get; init; }

        public ScoreChange ToChange(string customerId) => new()
        {
            Seq = Seq,
            CustomerId = customerId,
            EventId = EventId,
            Kind = Parse<InteractionKind>(Kind),
            OccurredAt = new DateTimeOffset(OccurredAt, TimeSpan.Zero),
            Before = Before,
            After = After,
            BandBefore = Parse<HealthBand>(BandBefore),
            BandAfter = Parse<HealthBand>(BandAfter),
            Drivers = JsonSerializer.Deserialize(Drivers, JournalJson.Default.ScoreDriverArray) ?? [],
        };
    }

    private static T Parse<T>(string name)
        where T : struct, Enum =>
        EnumNames<T>.TryParse(name, out var value) ? value : throw new InvalidDataException($"'{name}' is not a {typeof(T).Name}.");
}
