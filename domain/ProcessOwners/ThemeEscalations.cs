using HealthGrid.Domain.Activity;
using HealthGrid.Domain.Alerts;

namespace HealthGrid.Domain.ProcessOwners;

public enum ThemeDecision
{
    None,
    Open,
    Escalate,
    Update,
    Close,
}

/// <summary>
/// Sliding-window thresholds for complaint themes: open an episode when the count in the window
/// reaches the owner threshold, escalate to leadership at the leadership threshold, close when it
/// falls below half the owner threshold (so a count hovering at the line does not flap).
/// </summary>
public static class ThemeEscalations
{
    public static int CountInWindow(TimeBuckets<ThemeBucket> buckets, string theme, DateTimeOffset now, TimeSpan window) =>
        buckets.Since(now - window).Sum(b => b.Bucket.Counts.GetValueOrDefault(theme));

    public static ThemeDecision Decide(ThemeEpisode? episode, int count, ThemeThresholdSettings thresholds) => episode switch
    {
        null => count >= thresholds.Owner ? ThemeDecision.Open : ThemeDecision.None,
        _ when count * 2 < thresholds.Owner => ThemeDecision.Close,
        { Leadership: false } when count >= thresholds.Leadership => ThemeDecision.Escalate,
        _ when count != episode.Count => ThemeDecision.Update,
        _ => ThemeDecision.None,
    };
}
