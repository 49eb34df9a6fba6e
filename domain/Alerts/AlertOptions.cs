using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Domain.Alerts;

/// <summary>When alerts are raised; bound from <c>HealthGrid:Alerts</c>.</summary>
public sealed class AlertOptions
{
    public const string Section = "HealthGrid:Alerts";

    /// <summary>A drop of at least this many points within <see cref="HealthDropWindow"/> alerts the account manager.</summary>
    [Range(1, 100)]
    public double HealthDropPoints { get; set; } = 15;

    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan HealthDropWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A live conversation with no message for this long is over.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LiveInteractionIdle { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Frustrated messages in one live conversation that make its alert critical.</summary>
    [Range(2, 100)]
    public int FrustrationCriticalAfter { get; set; } = 3;

    public ThemeThresholdSettings Themes { get; set; } = new();

    /// <summary>Thresholds for particular codes, overriding <see cref="Themes"/>.</summary>
    public Dictionary<string, ThemeThresholdSettings> ThemesByCode { get; set; } = [];

    /// <summary>How far back a system change counts as a candidate cause of a spike.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan ChangeLookback { get; set; } = TimeSpan.FromDays(2);

    /// <summary>An account above this share of all revenue, at risk or worse, goes to leadership.</summary>
    [Range(0.01, 1)]
    public double ConcentrationShare { get; set; } = 0.1;

    public ThemeThresholdSettings ThemeFor(string code) => ThemesByCode.TryGetValue(code, out var t) ? t : Themes;
}
