using Dapper;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Wire;
using Npgsql;

namespace HealthGrid.Storage.Projections;

/// <summary>
/// The dependency index table: a customer's rows are replaced by those of a newer profile version
/// (an older version never replaces a newer one), and read by node.
/// </summary>
internal static class DependencyRows
{
    public static async Task ReplaceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<CustomerDependencies> customers, CancellationToken cancellationToken)
    {
        await using (var delete = new NpgsqlCommand("""
            DELETE FROM healthgrid_customer_dependencies d
            USING unnest($1::text[], $2::bigint[]) AS c(customer_id, profile_version)
            WHERE d.customer_id = c.customer_id AND d.profile_version <= c.profile_version
            """, connection, transaction))
        {
            Add(delete, customers.Select(c => c.CustomerId));
            Add(delete, customers.Select(c => c.ProfileVersion));
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        var rows = customers.SelectMany(c => c.Dependencies.Select(d => (Customer: c, Dependency: d))).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        await using var insert = new NpgsqlCommand("""
            INSERT INTO healthgrid_customer_dependencies (node_type, node_id, customer_id, profile_version, recovery_hours, degraded_tolerance)
            SELECT r.* FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::double precision[], $6::double precision[])
                AS r(node_type, node_id, customer_id, profile_version, recovery_hours, degraded_tolerance)
            WHERE NOT EXISTS (SELECT 1 FROM healthgrid_customer_dependencies e WHERE e.customer_id = r.customer_id AND e.profile_version > r.profile_version)
            ON CONFLICT (node_type, node_id, customer_id) DO UPDATE SET
                profile_version = excluded.profile_version, recovery_hours = excluded.recovery_hours, degraded_tolerance = excluded.degraded_tolerance
            WHERE excluded.profile_version >= healthgrid_customer_dependencies.profile_version
            """, connection, transaction);
        Add(insert, rows.Select(r => EnumNames<DependencyType>.Name(r.Dependency.Type)));
        Add(insert, rows.Select(r => r.Dependency.Id));
        Add(insert, rows.Select(r => r.Customer.CustomerId));
        Add(insert, rows.Select(r => r.Customer.ProfileVersion));
        Add(insert, rows.Select(r => r.Dependency.RecoveryHours));
        Add(insert, rows.Select(r => r.Dependency.DegradedTolerancePercent));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<string[]> DependentsAsync(NpgsqlDataSource database, IReadOnlyCollection<DisruptionNode> nodes, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            SELECT DISTINCT d.customer_id FROM healthgrid_customer_dependencies d
            JOIN unnest($1::text[], $2::text[]) AS n(node_type, node_id) ON d.node_type = n.node_type AND d.node_id = n.node_id
            """);
        Add(command, nodes.Select(n => EnumNames<DependencyType>.Name(n.Type)));
        Add(command, nodes.Select(n => n.Id));
        var customers = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            customers.Add(reader.GetString(0));
        }

        return [.. customers];
    }

    public static async Task<DependencyNodeView[]> NodesAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Type, string Id, long Customers)>(new CommandDefinition(
            "SELECT node_type AS Type, node_id AS Id, count(*) AS Customers FROM healthgrid_customer_dependencies GROUP BY node_type, node_id",
            cancellationToken: cancellationToken));
        var nodes = rows.Where(r => EnumNames<DependencyType>.TryParse(r.Type, out _))
            .Select(r => new DependencyNodeView(EnumNames<DependencyType>.TryParse(r.Type, out var type) ? type : default, r.Id, null, (int)r.Customers));
        return [.. nodes.OrderBy(n => n.Type).ThenBy(n => n.Id, StringComparer.Ordinal)];
    }

    private static void Add<T>(NpgsqlCommand command, IEnumerable<T> values) => command.Parameters.Add(new NpgsqlParameter { Value = values.ToArray() });
}
