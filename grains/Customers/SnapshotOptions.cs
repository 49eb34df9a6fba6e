using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Customers;

/// <summary>When customer grains write snapshots; bound from <c>HealthGrid:Snapshots</c>.</summary>
public sealed class SnapshotOptions
{
    public const string Section = "HealthGrid:Snapshots";

    /// <summary>Snapshot after this many applied events (0: only on deactivation and profile changes).</summary>
    [Range(0, 1_000_000)]
    public int EveryEvents { get; set; } = 500;

    /// <summary>Snapshot a customer whose oldest unsnapshotted event is this old, bounding replay after a crash.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Write unsaved state when the silo shuts down. Off in embedded mode, where memory storage stops
    /// with the silo and nothing would survive the write anyway.
    /// </summary>
    public bool OnShutdown { get; set; } = true;
}
