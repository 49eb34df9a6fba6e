using HealthGrid.GrainInterfaces.Live;

namespace HealthGrid.Grains.Live;

/// <summary>
/// Live-push endpoints by silo, each kept while its lease is renewed. Held in memory: if this grain
/// moves, every silo's renewal repopulates it within one renewal period.
/// </summary>
public sealed class LiveSubscribersGrain(TimeProvider time) : Grain, ILiveSubscribersGrain
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(90);
    private readonly Dictionary<string, (ILiveSubscriber Subscriber, DateTimeOffset Until)> subscribers = new(StringComparer.Ordinal);

    public Task RenewAsync(string silo, ILiveSubscriber subscriber)
    {
        subscribers[silo] = (subscriber, time.GetUtcNow() + Lease);
        return Task.CompletedTask;
    }

    public Task<ILiveSubscriber[]> CurrentAsync()
    {
        var now = time.GetUtcNow();
        foreach (var expired in subscribers.Where(s => s.Value.Until < now).Select(s => s.Key).ToList())
        {
            subscribers.Remove(expired);
        }

        return Task.FromResult(subscribers.Values.Select(s => s.Subscriber).ToArray());
    }
}
