using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Kpis;
using HealthGrid.Domain.Live;
using HealthGrid.Domain.ProcessOwners;
using HealthGrid.Domain.SystemChanges;

namespace HealthGrid.Api.Live;

/// <summary>
/// What the server pushes to dashboards, strongly typed so no method name is a magic string. Each
/// connection receives only what its user may see; customer and case changes come at most once per
/// projection flush (100 ms by default) per item, so a busy customer never floods a page.
/// </summary>
public interface IDashboardClient
{
    /// <summary>Confirms a connection and tells the client which server answered.</summary>
    Task Connected(string server);

    /// <summary>An alert was raised or changed (escalated, acknowledged, resolved); the newest <c>version</c> wins.</summary>
    Task AlertChanged(Alert alert);

    /// <summary>Customers whose health, band or churn risk changed, with the latest change's drivers.</summary>
    Task CustomersChanged(CustomerUpdate[] customers);

    /// <summary>Cases that changed (opened, acted on, a clock warned or breached); the newest <c>version</c> wins.</summary>
    Task CasesChanged(CaseView[] cases);

    /// <summary>A live chat or call moved on (a message, more frustration) or ended.</summary>
    Task InteractionChanged(LiveInteractionView interaction);

    /// <summary>The leadership KPIs, recomputed every few seconds (executives and admins).</summary>
    Task KpisChanged(KpiSnapshot kpis);

    /// <summary>A continuity run moved on (progress) or finished (its summary); continuity planners, executives and admins.</summary>
    Task ContinuityRunChanged(ContinuityRun run);

    /// <summary>Accounts whose roll-up (health, band counts, revenue at risk) moved with their customers; those who see the account.</summary>
    Task AccountsChanged(AccountUpdate[] accounts);

    /// <summary>Process owners' theme statistics after a tally (at most once a second per owner); those who read the organisation.</summary>
    Task ProcessOwnersChanged(ProcessOwnerView[] owners);

    /// <summary>A system change was recorded (a candidate cause of complaint themes); those who read the organisation.</summary>
    Task SystemChangeRecorded(SystemChangeRecord change);

    /// <summary>
    /// Changes may have been missed (a server died before sending some, changes were lost between two
    /// servers): the page reads its state again instead of staying silently stale.
    /// </summary>
    Task Resync(string reason);
}
