using Microsoft.Extensions.Options;

namespace HealthGrid.Grains.Customers;

/// <summary>Tracks what a customer grain has applied since its last snapshot and says when the next is due.</summary>
internal sealed class Snapshots(IOptionsMonitor<SnapshotOptions> options, TimeProvider time)
{
    private int eventsSince;
    private DateTimeOffset? dirtySince;

    public void Applied(int events)
    {
        eventsSince += events;
        dirtySince ??= time.GetUtcNow();
    }

    public void Written()
    {
        eventsSince = 0;
        dirtySince = null;
    }

    /// <summary>Due when anything is unsaved and forced, or (while periodic) too many events or too old.</summary>
    public bool IsDue(bool force)
    {
        if (dirtySince is not { } since)
        {
            return false;
        }

        var policy = options.CurrentValue;
        return force || (policy.Periodic && IsOverdue(policy, since));
    }

    private bool IsOverdue(SnapshotOptions policy, DateTimeOffset since)
    {
        return (policy.EveryEvents > 0 && eventsSince >= policy.EveryEvents)
            || time.GetUtcNow() - since >= policy.MaxAge;
    }
}
