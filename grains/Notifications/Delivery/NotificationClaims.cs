using System.Collections.Concurrent;
using HealthGrid.Domain.Notifications;

namespace HealthGrid.Grains.Notifications.Delivery;

/// <summary>
/// The notifications this silo has claimed and not yet recorded, so that their leases are renewed while
/// they wait for a send slot or for the receiver. A lease is short because it is renewed: a silo that dies
/// mid-send leaves its claims to the others within one lease, not after the longest possible batch.
/// </summary>
public sealed class NotificationClaims
{
    private readonly ConcurrentDictionary<string, byte> held = new(StringComparer.Ordinal);

    /// <summary>Long enough for an attempt and a renewal that comes late; 30 s at least so a busy silo's renewal is not a race.</summary>
    public static TimeSpan Lease(NotificationOptions settings)
    {
        var threeAttempts = settings.AttemptTimeout * 3;
        return threeAttempts > TimeSpan.FromSeconds(30) ? threeAttempts : TimeSpan.FromSeconds(30);
    }

    /// <summary>Renewed three times per lease, so one slow renewal does not lose a claim.</summary>
    public static TimeSpan RenewalInterval(NotificationOptions settings) => Lease(settings) / 3;

    public void Hold(IEnumerable<NotificationRecord> records)
    {
        foreach (var record in records)
        {
            held.TryAdd(record.Id, 0);
        }
    }

    public void Release(IEnumerable<NotificationRecord> records)
    {
        foreach (var record in records)
        {
            held.TryRemove(record.Id, out _);
        }
    }

    public IReadOnlyCollection<string> Held => [.. held.Keys];
}
