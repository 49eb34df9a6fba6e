namespace HealthGrid.GrainInterfaces.Live;

/// <summary>
/// A silo's local receiver of live changes (its SignalR hub): every change made on any silo arrives
/// here through the cluster fan-out, in the order its silo sent it. A silo without dashboards
/// (a test cluster) has none.
/// </summary>
public interface ILiveSubscriber
{
    Task OnChangesAsync(LiveChanges changes);

    /// <summary>Changes may have been missed (a peer died with some unsent, a gap in a peer's numbering): every dashboard reads its state again.</summary>
    Task OnResyncAsync(string reason);
}
