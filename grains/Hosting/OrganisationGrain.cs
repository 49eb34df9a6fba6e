using HealthGrid.Domain.Alerts;
using HealthGrid.GrainInterfaces.Alerts;
using HealthGrid.Grains.Alerts;

namespace HealthGrid.Grains.Hosting;

/// <summary>
/// A journey stage or process owner: statistics fed by every silo's tallies, saved periodically, and
/// the alerts they raise, which this grain owns (acknowledging and resolving come here).
/// </summary>
public abstract class OrganisationGrain<TState>(IPersistentState<TState> state, OrganisationServices services)
    : PeriodicallySavedGrain<TState>(state, services.Snapshots), IAlertOwner
    where TState : IOwnsAlerts
{
    protected OrganisationServices Services => services;

    protected OwnedAlerts Alerts { get; private set; } = null!;

    protected string Id => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Alerts = services.Alerts.For(State);
        return base.OnActivateAsync(cancellationToken);
    }

    public Task<AlertActionResult> ActOnAlertAsync(string alertId, AlertState to, string by) => Alerts.ActAsync(alertId, to, by, SaveNowAsync);
}
