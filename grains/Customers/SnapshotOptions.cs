using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Grains.Customers;

/// <summary>When customer grains write snapshots; bound from <c>HealthGrid:Snapshots</c>.</summary>
public sealed class SnapshotOptions
{
    public const string Section = "HealthGrid:Snapshots";

    /// <summary>
    /// Snapshot while active (after <see cref="EveryEvents"/> or <see cref="MaxAge"/>), to bound the
    /// replay after a crash. Off in embedded mode, where a crash loses everything anyway: customers
    /// are then saved on deactivation and profile changes only, and hold no snapshot timer.
    /// </summary>
    public bool Periodic { get; set; } = true;

    /// <summary>Snapshot after this many applied events (0: only on deactivation and profile changes).</summary>
    [Range(0, 1_000_000)]
    public int EveryEvents { get; set; } = 500;

    /// <summary>
    /// Snapshot a customer whose oldest unsnapshotted event is this old, bounding replay after a crash.
    /// A snapshot holds up that customer's next events while it is written, so not too often: replaying
    /// two minutes of one customer's events is quick.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Write unsaved state when the silo shuts down. Off in embedded mode, where memory storage stops
    /// with the silo and nothing would survive the write anyway.
    /// </summary>
    public bool OnShutdown { get; set; } = true;
}
