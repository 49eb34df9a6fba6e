using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Grains.Configuration;

/// <summary>How configuration changes travel; bound from <c>HealthGrid:Configuration</c>.</summary>
public sealed class ConfigurationOptions
{
    public const string Section = "HealthGrid:Configuration";

    /// <summary>
    /// How often each silo compares the versions in force with the store's: the safety net that
    /// brings a silo that missed a change (a partition, a restart during a write) in line.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a write waits for every silo to confirm that the new version is in force before it answers.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ApplyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
