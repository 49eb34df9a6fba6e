using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.Hosting.Background;
using HealthGrid.Storage.Projections;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Grains.Projections;

/// <summary>
/// After a crash the directory can trail the event log: events committed and acknowledged whose
/// summaries were still in the silo's publish buffer. When a silo becomes active it finds those
/// customers (directory sequence behind the log) and activates them; their replay republishes.
/// One pass, in the background once the silo is active, so start-up does not wait for it.
/// </summary>
public sealed partial class ProjectionRepair(IProjectionStore store, IGrainFactory grains, TimeProvider time, ILogger<ProjectionRepair> logger)
    : PeriodicLoop(time, logger)
{
    public override LoopStage Stage => LoopStage.Active;

    protected override bool RunsAtStart => true;

    /// <summary>Once per start: afterwards every customer keeps its own row current.</summary>
    protected override TimeSpan Interval => Timeout.InfiniteTimeSpan;

    protected override async Task RunOnceAsync()
    {
        try
        {
            var behind = await store.GetCustomersTrailingTheLogAsync(CancellationToken.None);
            await Parallel.ForEachAsync(behind, new ParallelOptions { MaxDegreeOfParallelism = 16 },
                async (id, _) => await grains.GetGrain<ICustomerGrain>(id).GetViewAsync());
            if (behind.Length > 0)
            {
                LogRepaired(behind.Length);
            }
        }
        catch (Exception ex)
        {
            LogRepairFailed(ex);
        }
    }

    protected override Task FinalPassAsync() => Task.CompletedTask;

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Reactivated {Count} customers whose directory rows trailed the event log")]
    private partial void LogRepaired(int count);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Checking the directory against the event log failed; customers catch up on their next event")]
    private partial void LogRepairFailed(Exception exception);
}
