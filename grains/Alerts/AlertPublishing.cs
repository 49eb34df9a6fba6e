using HealthGrid.Domain.Alerts;
using HealthGrid.Grains.Live;
using HealthGrid.Grains.Projections;

namespace HealthGrid.Grains.Alerts;

/// <summary>
/// One per silo: what the grains that own alerts share to keep them — every change is stored (the
/// projection publisher) and pushed live (the broadcaster); versions follow the silo's clock.
/// </summary>
public sealed class AlertPublishing(ProjectionPublisher publisher, LiveBroadcaster broadcaster, TimeProvider time)
{
    /// <summary>The open alerts a grain keeps in <paramref name="state"/>.</summary>
    public OwnedAlerts For(IOwnsAlerts state) => new(state.Alerts, this);

    internal DateTimeOffset Now => time.GetUtcNow();

    internal void Publish(Alert alert)
    {
        publisher.Publish(alert);
        broadcaster.Publish(alert);
    }
}
