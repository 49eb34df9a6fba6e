using System.Net;
using System.Text;
using HealthGrid.Tests.Infrastructure;
using Npgsql;

namespace HealthGrid.Tests.Postgres;

/// <summary>
/// Erasure in PostgreSQL mode: afterwards no row of any table holds the customer's id, name, contacts
/// or texts (bytea columns — grain state — searched by the traces' hex), a restart and replay do not
/// bring it back, and the other customer's rows are unchanged.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ErasureTests(PostgresServer server)
{
    [Fact]
    public async Task An_erased_customer_is_in_no_table_and_stays_erased_after_a_restart()
    {
        var connectionString = await PostgresDatabase.CreateMigratedAsync(server);
        ErasureWorld world;
        string keptRows;
        string keptView;
        await using (var silo = await PostgresDatabase.StartSiloAsync(connectionString))
        {
            world = await ErasureWorld.CreateAsync(silo);
            keptView = await world.KeptViewAsync();
            keptRows = await RowsOfAsync(connectionString, world.Kept);
            Assert.NotEmpty(await TracesAsync(connectionString, world.Traces));

            var report = await world.EraseAsync();

            Assert.True(report.Events >= 10, $"{report.Events} events");
            Assert.Equal(2, report.Cases);
            Assert.Equal(1, report.Identities);
            await world.AssertGoneFromTheApiAsync();
            Assert.Equal(world.TalliesBefore, await world.TalliesAsync());
            Assert.Equal(keptView, await world.KeptViewAsync());
        }

        // Shut down (snapshots written on the way) and searched.
        Assert.Empty(await TracesAsync(connectionString, world.Traces));
        Assert.Equal(keptRows, await RowsOfAsync(connectionString, world.Kept));

        await using (var silo = await PostgresDatabase.StartSiloAsync(connectionString))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await silo.Http.GetAsync($"/api/v1/customers/{world.Erased}")).StatusCode);
            Assert.Equal(keptView, await ErasureWorld.ViewAsync(silo.Http, world.Kept));
        }

        Assert.Empty(await TracesAsync(connectionString, world.Traces));
    }

    /// <summary>Every table's rows that hold one of <paramref name="traces"/>, as "table: trace".</summary>
    private static async Task<List<string>> TracesAsync(string connectionString, string[] traces)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        var tables = new List<string>();
        await using (var list = source.CreateCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var found = new List<string>();
        foreach (var table in tables)
        {
            foreach (var trace in traces)
            {
                // A row as text shows bytea as hex: grain state is found by the trace's UTF-8 bytes in hex.
                await using var search = source.CreateCommand($"SELECT count(*) FROM \"{table}\" t WHERE strpos(t::text, $1) > 0 OR strpos(t::text, $2) > 0");
                search.Parameters.Add(new() { Value = trace });
                search.Parameters.Add(new() { Value = Convert.ToHexStringLower(Encoding.UTF8.GetBytes(trace)) });
                if ((long)(await search.ExecuteScalarAsync())! > 0)
                {
                    found.Add($"{table}: {trace}");
                }
            }
        }

        return found;
    }

    /// <summary>The kept customer's rows in the log and the projections, as text, in a stable order.</summary>
    private static Task<string> RowsOfAsync(string connectionString, string customerId) => PostgresDatabase.ScalarAsync<string>(connectionString, """
        SELECT concat_ws(E'\n',
            (SELECT string_agg(t::text, E'\n' ORDER BY t.seq) FROM healthgrid_event_log t WHERE stream_id = 'customer/' || $1),
            (SELECT string_agg(t::text, E'\n' ORDER BY t.seq) FROM healthgrid_score_changes t WHERE customer_id = $1),
            (SELECT string_agg(t::text, E'\n' ORDER BY t.case_id) FROM healthgrid_cases t WHERE customer_id = $1),
            (SELECT string_agg(t::text, E'\n' ORDER BY t.alert_id) FROM healthgrid_alerts t WHERE customer_id = $1),
            (SELECT string_agg(t::text, E'\n') FROM healthgrid_customers t WHERE customer_id = $1))
        """, customerId);
}
