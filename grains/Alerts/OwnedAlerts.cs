using HealthGrid.Domain.Alerts;
using HealthGrid.Grains.Live;
using HealthGrid.Grains.Projections;

namespace HealthGrid.Grains.Alerts;

/// <summary>
/// The open alerts of a process-owner, journey-stage or account grain (kept in its state): raising,
/// updating, acknowledging and resolving them, each change stored and pushed live. Versions follow
/// the clock, kept increasing per alert.
/// </summary>
public sealed class OwnedAlerts(Dictionary<string, Alert> alerts, AlertOwnerKind kind, string ownerId, ProjectionPublisher publisher, LiveBroadcaster broadcaster, TimeProvider time)
{
    public IEnumerable<Alert> Open => alerts.Values;

    public Alert? Get(string id) => alerts.GetValueOrDefault(id);

    public Alert New(string id, AlertType type, AlertSeverity severity, string message, Audience[] audiences)
    {
        var now = time.GetUtcNow();
        return new Alert
        {
            Id = id,
            Type = type,
            Severity = severity,
            State = AlertState.Raised,
            Message = message,
            Audiences = audiences,
            OwnerKind = kind,
            OwnerId = ownerId,
            RaisedAt = now,
            UpdatedAt = now,
            Version = now.UtcTicks,
        };
    }

    /// <summary>Stores and pushes a new or changed alert; a resolved one leaves the open set.</summary>
    public void Put(Alert alert)
    {
        var version = Math.Max(time.GetUtcNow().UtcTicks, (alerts.GetValueOrDefault(alert.Id)?.Version ?? 0) + 1);
        var stamped = alert with { Version = Math.Max(alert.Version, version) };
        if (stamped.State == AlertState.Resolved)
        {
            alerts.Remove(stamped.Id);
        }
        else
        {
            alerts[stamped.Id] = stamped;
        }

        publisher.Publish(stamped);
        broadcaster.Publish(stamped);
    }

    /// <summary>Acknowledges or resolves an open alert; null when it is not open here or cannot move there.</summary>
    public Alert? Act(string id, AlertState to, string by)
    {
        if (Get(id) is not { } alert || AlertLifecycle.Act(alert, to, by, time.GetUtcNow(), alert.Version + 1) is not { } updated)
        {
            return null;
        }

        Put(updated);
        return updated;
    }

    /// <summary>Resolves an open alert on the system's behalf (the condition cleared).</summary>
    public void Clear(string id) => Act(id, AlertState.Resolved, FrustrationAlerts.SystemActor);
}
