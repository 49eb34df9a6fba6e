using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Domain.Activity;

/// <summary>Bound from <c>HealthGrid:Activity</c>.</summary>
public sealed class ActivityOptions
{
    public const string Section = "HealthGrid:Activity";

    /// <summary>How often each silo sends its journey-stage and theme tallies to their grains.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Stage and theme tallies count an event when it is processed, so only events that happened at
    /// most this long before: back-filled history moves customers' health, not "the last hour".
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LiveWindow { get; set; } = TimeSpan.FromHours(1);
}
