namespace HealthGrid.Alerts;

/// <summary>
/// The registry of live-push endpoints, one per silo, each renewing a lease. Broadcasters read it
/// every few seconds; it is never on the path of an alert.
/// </summary>
[Alias("HealthGrid.IAlertSubscribersGrain")]
public interface IAlertSubscribersGrain : IGrainWithStringKey
{
    public const string GlobalKey = "global";

    [Alias("Renew")]
    Task RenewAsync(string silo, IAlertSubscriber subscriber);

    [Alias("Current")]
    Task<IAlertSubscriber[]> CurrentAsync();
}
