using HealthGrid.Customers;
using Npgsql;

namespace HealthGrid.Postgres;

/// <summary>
/// After a crash the directory can trail the event log: events committed and acknowledged whose
/// summaries were still in the silo's publish buffer. When a silo becomes active it finds those
/// customers (directory sequence behind the log) and activates them; their replay republishes.
/// Runs in the background so start-up does not wait for it.
/// </summary>
public sealed partial class ProjectionRepair(NpgsqlDataSource database, IGrainFactory grains, ILogger<ProjectionRepair> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private const string BehindSql = """
        SELECT c.customer_id FROM healthgrid_customers c
        WHERE EXISTS (SELECT 1 FROM healthgrid_event_log e WHERE e.stream_id = 'customer/' || c.customer_id AND e.seq > c.applied_seq)
        """;

    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(nameof(ProjectionRepair), ServiceLifecycleStage.Active, cancellationToken =>
    {
        _ = Task.Run(() => RepairAsync(CancellationToken.None), CancellationToken.None);
        return Task.CompletedTask;
    });

    public async Task<int> RepairAsync(CancellationToken cancellationToken)
    {
        try
        {
            var behind = new List<string>();
            await using (var command = database.CreateCommand(BehindSql))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    behind.Add(reader.GetString(0));
                }
            }

            await Parallel.ForEachAsync(behind, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
                async (id, _) => await grains.GetGrain<ICustomerGrain>(id).GetViewAsync());
            if (behind.Count > 0)
            {
                LogRepaired(behind.Count);
            }

            return behind.Count;
        }
        catch (Exception ex)
        {
            LogRepairFailed(ex);
            return 0;
        }
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Reactivated {Count} customers whose directory rows trailed the event log")]
    private partial void LogRepaired(int count);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Checking the directory against the event log failed; customers catch up on their next event")]
    private partial void LogRepairFailed(Exception exception);
}
