using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.SystemChanges;

namespace HealthGrid.Domain.ProcessOwners;

/// <summary>
/// The alerts of a complaint theme: the escalation to its process owner (and to leadership above the
/// higher threshold), and the correlation with recent system changes that may have caused it.
/// </summary>
public static class ThemeAlerts
{
    public static string EscalationId(string ownerId, ThemeKey theme, int episode) => AlertIds.Of("theme", ownerId, theme.Code, theme.Region, theme.Product, episode);

    public static string CorrelationId(string ownerId, ThemeKey theme, int episode) => AlertIds.Of("change", ownerId, theme.Code, theme.Region, theme.Product, episode);

    /// <summary>A theme that crossed its owner threshold; it names the recent changes that may explain it.</summary>
    public static Alert Opened(string id, string ownerId, ThemeKey theme, int count, ThemeThresholdSettings thresholds, bool leadership, SystemChangeRecord[] causes, DateTimeOffset now) =>
        Counted(AlertLifecycle.Raise(id, AlertType.ThemeEscalation, AlertSeverity.High, "", [], AlertOwnerKind.ProcessOwner, ownerId, now), ownerId, theme, count, thresholds, leadership)
            with { CandidateCauses = causes };

    /// <summary>The same theme counted again: a new count, and leadership once it has crossed the higher threshold.</summary>
    public static Alert Updated(Alert alert, string ownerId, ThemeKey theme, int count, ThemeThresholdSettings thresholds, bool leadership, DateTimeOffset now) =>
        Counted(alert, ownerId, theme, count, thresholds, leadership) with { UpdatedAt = now };

    public static Alert Correlation(string id, string ownerId, ThemeKey theme, int count, ThemeThresholdSettings thresholds, SystemChangeRecord[] causes, DateTimeOffset now) =>
        AlertLifecycle.Raise(id, AlertType.ChangeCorrelation, AlertSeverity.High,
            $"{count} complaints coded {theme.Code} ({theme.Region}, {theme.Product}) within {thresholds.Window.TotalMinutes:0} min follow {causes.Length} recent change(s): {string.Join("; ", causes.Select(c => c.Description))}.",
            [new Audience(AudienceKind.ProcessOwner, ownerId), Audience.Leadership], AlertOwnerKind.ProcessOwner, ownerId, now) with
        {
            ProcessOwner = ownerId,
            Code = theme.Code,
            Count = count,
            CandidateCauses = causes,
        };

    /// <summary>Recent releases or configuration changes for the theme's product and region, or unscoped ones.</summary>
    public static SystemChangeRecord[] CandidateCauses(IEnumerable<SystemChangeRecord> recent, ThemeKey theme) =>
        [.. recent.Where(c =>
            (c.Product is null || string.Equals(c.Product, theme.Product, StringComparison.OrdinalIgnoreCase))
            && (c.Region is null || string.Equals(c.Region, theme.Region, StringComparison.OrdinalIgnoreCase)))];

    private static Alert Counted(Alert alert, string ownerId, ThemeKey theme, int count, ThemeThresholdSettings thresholds, bool leadership) => alert with
    {
        Message = $"{count} complaints coded {theme.Code} in {theme.Region} for {theme.Product} within {thresholds.Window.TotalMinutes:0} min"
            + (leadership ? $" (leadership threshold {thresholds.Leadership})." : $" (threshold {thresholds.Owner})."),
        Audiences = leadership ? [new Audience(AudienceKind.ProcessOwner, ownerId), Audience.Leadership] : [new Audience(AudienceKind.ProcessOwner, ownerId)],
        Severity = leadership ? AlertSeverity.Critical : AlertSeverity.High,
        ProcessOwner = ownerId,
        Code = theme.Code,
        Count = count,
    };
}
