using HealthGrid.Grains.Customers;
using Microsoft.Extensions.Options;

namespace HealthGrid.Grains.Hosting;

/// <summary>
/// A grain holding statistics that change many times a second: it saves them every
/// <see cref="SaveInterval"/> when changed and on deactivation, instead of on every change.
/// Statistics, not events: a crash loses at most one interval of them.
/// </summary>
public abstract class PeriodicallySavedGrain<TState>(IPersistentState<TState> state, IOptions<SnapshotOptions> snapshots) : Grain
{
    private static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(30);
    private bool dirty;

    protected TState State => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(SaveInterval, SaveInterval) { KeepAlive = false });
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        reason.ReasonCode == DeactivationReasonCode.ShuttingDown && !snapshots.Value.OnShutdown ? Task.CompletedTask : SaveIfChangedAsync();

    protected void Changed() => dirty = true;

    /// <summary>Work due every save interval (conditions that clear with time), before the save.</summary>
    protected virtual Task OnTickAsync() => Task.CompletedTask;

    /// <summary>Saves now: for changes people make (acknowledging an alert) rather than statistics.</summary>
    protected async Task SaveNowAsync()
    {
        dirty = true;
        await SaveIfChangedAsync();
    }

    private async Task TickAsync()
    {
        await OnTickAsync();
        await SaveIfChangedAsync();
    }

    private async Task SaveIfChangedAsync()
    {
        if (dirty)
        {
            await state.WriteStateAsync();
            dirty = false;
        }
    }
}
