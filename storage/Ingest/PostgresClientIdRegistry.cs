using Npgsql;
using NpgsqlTypes;

namespace HealthGrid.Storage.Ingest;

/// <summary>
/// Id owners in <c>healthgrid_client_ids</c>, shared by every silo. The insert and the read are two
/// statements on purpose: a read in the insert's own statement would not see a row another customer's
/// concurrent claim committed while the insert waited on it.
/// </summary>
public sealed class PostgresClientIdRegistry(NpgsqlDataSource database) : IClientIdRegistry
{
    public async Task<IReadOnlyDictionary<(string Kind, string Id), string>> ClaimAsync(string customerId, IReadOnlyCollection<(string Kind, string Id)> ids, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var kinds = ids.Select(i => i.Kind).ToArray();
        var values = ids.Select(i => i.Id).ToArray();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using (var claim = new NpgsqlCommand("""
            INSERT INTO healthgrid_client_ids (kind, id, customer_id, claimed_at)
            SELECT kind, id, @customer, @at FROM unnest(@kinds, @ids) AS t(kind, id)
            ON CONFLICT (kind, id) DO UPDATE SET claimed_at = excluded.claimed_at
            WHERE healthgrid_client_ids.customer_id = excluded.customer_id
            """, connection))
        {
            Parameters(claim, kinds, values).Add(new NpgsqlParameter("customer", customerId));
            claim.Parameters.Add(new NpgsqlParameter("at", at));
            await claim.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var read = new NpgsqlCommand("""
            SELECT c.kind, c.id, c.customer_id FROM healthgrid_client_ids c
            JOIN unnest(@kinds, @ids) AS t(kind, id) ON c.kind = t.kind AND c.id = t.id
            """, connection);
        Parameters(read, kinds, values);
        var owners = new Dictionary<(string, string), string>();
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            owners[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        }

        return owners;
    }

    private static NpgsqlParameterCollection Parameters(NpgsqlCommand command, string[] kinds, string[] ids)
    {
        command.Parameters.Add(new NpgsqlParameter("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = kinds });
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = ids });
        return command.Parameters;
    }
}
