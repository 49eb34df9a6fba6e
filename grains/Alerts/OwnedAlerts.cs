using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Ingest;

namespace HealthGrid.Grains.Alerts;

/// <summary>
/// The open alerts of a process-owner, journey-stage or account grain (kept in its state): putting new
/// and changed ones, acknowledging and resolving them, each change stored and pushed live. Versions
/// follow the clock, kept increasing per alert. What an alert says is decided in the domain.
/// </summary>
public sealed class OwnedAlerts(Dictionary<string, Alert> alerts, AlertPublishing publishing)
{
    public IEnumerable<Alert> Open => alerts.Values;

    public Alert? Get(string id) => alerts.GetValueOrDefault(id);

    /// <summary>Stores and pushes a new or changed alert; a resolved one leaves the open set.</summary>
    public void Put(Alert alert)
    {
        var version = Math.Max(publishing.Now.UtcTicks, (alerts.GetValueOrDefault(alert.Id)?.Version ?? 0) + 1);
        var stamped = alert with { Version = Math.Max(alert.Version, version) };
        if (stamped.State == AlertState.Resolved)
        {
            alerts.Remove(stamped.Id);
        }
        else
        {
            alerts[stamped.Id] = stamped;
        }

        publishing.Publish(stamped);
    }

    /// <summary>Acknowledges or resolves an open alert on a person's behalf, saving the owner's state when it moved.</summary>
    public async Task<AlertActionResult> ActAsync(string id, AlertState to, string by, Func<Task> save)
    {
        if (Act(id, to, by) is not { } updated)
        {
            return new AlertActionResult(IngestStatus.Rejected, null, $"alert '{id}' cannot move to {to.ToString().ToLowerInvariant()}");
        }

        await save();
        return new AlertActionResult(IngestStatus.Accepted, updated, null);
    }

    /// <summary>Resolves an open alert on the system's behalf (the condition cleared).</summary>
    public void Clear(string id) => Act(id, AlertState.Resolved, FrustrationAlerts.SystemActor);

    private Alert? Act(string id, AlertState to, string by)
    {
        if (Get(id) is not { } alert || AlertLifecycle.Act(alert, to, by, publishing.Now, alert.Version + 1) is not { } updated)
        {
            return null;
        }

        Put(updated);
        return updated;
    }
}
