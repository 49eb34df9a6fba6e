using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Domain.Alerts;

/// <summary>
/// When complaints of one code, region and product escalate: <see cref="Owner"/> in the window goes
/// to the process owner, <see cref="Leadership"/> to management review. An episode ends (and its
/// alert resolves) when the count falls below half the owner threshold.
/// </summary>
public sealed class ThemeThresholdSettings
{
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    [Range(1, 1_000_000)]
    public int Owner { get; set; } = 10;

    [Range(1, 1_000_000)]
    public int Leadership { get; set; } = 25;
}
