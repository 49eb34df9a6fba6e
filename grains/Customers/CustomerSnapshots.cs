using HealthGrid.Domain.Customers;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace HealthGrid.Grains.Customers;

/// <summary>
/// When and how a customer grain writes its snapshot: after enough events, when the unsaved ones
/// get old (a timer, so quiet customers are saved too), on profile changes and on deactivation.
/// The projections go first: a snapshot never covers events whose score changes are not stored.
/// </summary>
internal sealed partial class CustomerSnapshots(IPersistentState<CustomerState> state, Snapshots policy, CustomerServices services, string customerId, Action lostToAnotherWriter)
{
    private readonly ILogger logger = services.Logger;
    private IGrainTimer? timer;

    public Snapshots Policy => policy;

    /// <summary>Starts the periodic check (once, and only while snapshots are periodic); <paramref name="run"/> puts it in the grain's write queue.</summary>
    public void Start(IGrainBase grain, Func<Func<Task>, Task> run)
    {
        if (!services.Snapshots.CurrentValue.Periodic)
        {
            return;
        }

        var period = services.Snapshots.CurrentValue.MaxAge;
        timer ??= grain.RegisterGrainTimer(() => run(() => WriteIfDueAsync(force: false)), new GrainTimerCreationOptions(period, period) { Interleave = true, KeepAlive = false });
    }

    /// <summary>No more periodic snapshots (the customer was erased).</summary>
    public void Stop()
    {
        timer?.Dispose();
        timer = null;
    }

    /// <summary>The state was written by someone else (a profile change).</summary>
    public void Written() => policy.Written();

    /// <summary>Writes the snapshot when due.</summary>
    public async Task WriteIfDueAsync(bool force, bool shuttingDown = false)
    {
        if (!policy.IsDue(force) || state.State.Profile is null)
        {
            return;
        }

        try
        {
            await services.Publisher.FlushAsync();
            await state.WriteStateAsync();
            policy.Written();
        }
        catch (InconsistentStateException ex)
        {
            // Another activation wrote first (a duplicate during a membership change): let the log decide.
            LogSnapshotConflict(ex, customerId);
            lostToAnotherWriter();
        }
        catch (Exception ex) when (shuttingDown)
        {
            // In PostgreSQL mode the log still holds every event; embedded mode never gets here (OnShutdown is off).
            LogSnapshotSkippedAtShutdown(customerId, ex.GetType().Name);
        }
        catch (Exception ex)
        {
            LogSnapshotFailed(ex, customerId);
        }
    }

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Writing the snapshot of customer {CustomerId} failed; it will be retried")]
    private partial void LogSnapshotFailed(Exception exception, string customerId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "The snapshot of customer {CustomerId} conflicts with another writer; the activation rebuilds from the event log")]
    private partial void LogSnapshotConflict(Exception exception, string customerId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "The shutdown snapshot of customer {CustomerId} was not written ({Error}); the event log has its events")]
    private partial void LogSnapshotSkippedAtShutdown(string customerId, string error);
}
