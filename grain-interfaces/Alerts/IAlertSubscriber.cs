using Orleans.Concurrency;

namespace HealthGrid.Alerts;

/// <summary>A silo's live-push endpoint (its SignalR hub), observed by every silo's alert broadcaster.</summary>
[Alias("HealthGrid.IAlertSubscriber")]
public interface IAlertSubscriber : IGrainObserver
{
    [Alias("OnAlerts"), OneWay]
    Task OnAlertsAsync(Alert[] alerts);
}
