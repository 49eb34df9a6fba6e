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
    /// Complaint themes count only events that happened at most this long before they are processed:
    /// back-filled complaints do not escalate a theme. (Journey-stage statistics take the last day,
    /// bucketed by when each event happened.)
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LiveWindow { get; set; } = TimeSpan.FromHours(1);
}
