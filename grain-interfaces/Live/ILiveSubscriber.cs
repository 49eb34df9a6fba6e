using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Live;
using Orleans.Concurrency;

namespace HealthGrid.GrainInterfaces.Live;

/// <summary>
/// A silo's live-push endpoint (its SignalR hub), observed by every silo's broadcaster: alert changes
/// as they happen, customer and case changes as coalesced per flush, live conversations as they move,
/// continuity runs as they progress.
/// </summary>
[Alias("HealthGrid.ILiveSubscriber")]
public interface ILiveSubscriber : IGrainObserver
{
    [Alias("OnAlerts"), OneWay]
    Task OnAlertsAsync(Alert[] alerts);

    [Alias("OnCustomers"), OneWay]
    Task OnCustomersAsync(CustomerUpdate[] customers);

    [Alias("OnCases"), OneWay]
    Task OnCasesAsync(CaseView[] cases);

    [Alias("OnInteractions"), OneWay]
    Task OnInteractionsAsync(LiveInteractionView[] interactions);

    [Alias("OnContinuityRuns"), OneWay]
    Task OnContinuityRunsAsync(ContinuityRun[] runs);
}
