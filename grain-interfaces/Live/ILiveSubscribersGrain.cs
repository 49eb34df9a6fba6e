namespace HealthGrid.GrainInterfaces.Live;

/// <summary>
/// The registry of live-push endpoints, one per silo, each renewing a lease. Broadcasters read it
/// every few seconds; it is never on the path of an alert.
/// </summary>
[Alias("HealthGrid.ILiveSubscribersGrain")]
public interface ILiveSubscribersGrain : IGrainWithStringKey
{
    public const string GlobalKey = "global";

    [Alias("Renew")]
    Task RenewAsync(string silo, ILiveSubscriber subscriber);

    [Alias("Current")]
    Task<ILiveSubscriber[]> CurrentAsync();
}
