using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Configuration;

namespace HealthGrid.Domain.ProcessOwners;

/// <summary>
/// What new theme thresholds would do to a process owner's themes now: the episodes that would open
/// (the count in the window reaches the owner threshold) and close (it is below half of it). The
/// owner re-evaluates exactly these themes when the thresholds come into force.
/// </summary>
public static class ThemePreview
{
    /// <summary>Every theme the owner has counts for, or an open episode of.</summary>
    public static IEnumerable<ThemeKey> Themes(ProcessOwnerState state) =>
        state.Buckets.Buckets.SelectMany(b => b.Counts.Keys).Concat(state.Episodes.Keys).Distinct(StringComparer.Ordinal).Select(ThemeKey.Parse);

    public static ConfigurationEffects Of(ProcessOwnerState state, string ownerId, AlertOptions proposed, DateTimeOffset now)
    {
        var opening = new List<AlertEffect>();
        var closing = new List<AlertEffect>();
        foreach (var theme in Themes(state))
        {
            var thresholds = proposed.ThemeFor(theme.Code);
            var count = ThemeEscalations.CountInWindow(state.Buckets, theme.ToString(), now, thresholds.Window);
            var episode = state.Episodes.GetValueOrDefault(theme.ToString());
            var described = $"{count} complaints coded {theme.Code} in {theme.Region} for {theme.Product} within {thresholds.Window.TotalMinutes:0} min";
            switch (ThemeEscalations.Decide(episode, count, thresholds))
            {
                case ThemeDecision.Open:
                    opening.Add(new AlertEffect(AlertType.ThemeEscalation, ownerId, $"{described} reach the threshold of {thresholds.Owner}."));
                    break;
                case ThemeDecision.Close when episode is not null:
                    closing.Add(new AlertEffect(AlertType.ThemeEscalation, ownerId, $"{described} are below half the threshold of {thresholds.Owner}.", episode.AlertId));
                    break;
            }
        }

        return new ConfigurationEffects { AlertsOpening = [.. opening], AlertsClosing = [.. closing] };
    }
}
