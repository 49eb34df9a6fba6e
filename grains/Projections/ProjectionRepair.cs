using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.Storage.Projections;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Grains.Projections;

/// <summary>
/// After a crash the directory can trail the event log: events committed and acknowledged whose
/// summaries were still in the silo's publish buffer. When a silo becomes active it finds those
/// customers (directory sequence behind the log) and activates them; their replay republishes.
/// Runs in the background so start-up does not wait for it.
/// </summary>
public sealed partial class ProjectionRepair(IProjectionStore store, IGrainFactory grains, ILogger<ProjectionRepair> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(nameof(ProjectionRepair), ServiceLifecycleStage.Active, cancellationToken =>
    {
        _ = Task.Run(() => RepairAsync(CancellationToken.None), CancellationToken.None);
        return Task.CompletedTask;
    });

    public async Task<int> RepairAsync(CancellationToken cancellationToken)
    {
        try
        {
            var behind = await store.GetCustomersTrailingTheLogAsync(cancellationToken);
            await Parallel.ForEachAsync(behind, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
                async (id, _) => await grains.GetGrain<ICustomerGrain>(id).GetViewAsync());
            if (behind.Length > 0)
            {
                LogRepaired(behind.Length);
            }

            return behind.Length;
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
