using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.Sla;

/// <summary>A compiled SLA policy: what it matches, its calendar, targets, warnings and escalation chain.</summary>
public sealed class SlaPolicy(SlaPolicySettings settings, BusinessCalendar calendar)
{
    public string Id => settings.Id;

    public BusinessCalendar Calendar { get; } = calendar;

    public EscalationSettings Escalation => settings.Escalation;

    public bool Matches(Tier tier, Severity severity, string? category, Channel channel) =>
        Fits(settings.Match.Tiers, tier.ToString())
        && Fits(settings.Match.Severities, severity.ToString())
        && (settings.Match.Categories.Count == 0 || (category is not null && settings.Match.Categories.Contains(category, StringComparer.OrdinalIgnoreCase)))
        && Fits(settings.Match.Channels, channel.ToString());

    public TimeSpan? Target(SlaMetric metric) => metric switch
    {
        SlaMetric.FirstResponse => settings.Targets.FirstResponse,
        SlaMetric.NextResponse => settings.Targets.NextResponse,
        SlaMetric.PeriodicUpdate => settings.Targets.PeriodicUpdate,
        _ => settings.Targets.Resolution,
    };

    /// <summary>The business time, counted from a clock's start, at which each warning is due, ascending and before the target.</summary>
    public TimeSpan[] WarningPoints(TimeSpan target) =>
        [.. settings.Warnings
            .Select(w => w.Percent is { } percent ? target * (percent / 100) : target - (w.Before ?? TimeSpan.Zero))
            .Where(point => point > TimeSpan.Zero && point < target)
            .Distinct()
            .Order()];

    private static bool Fits(List<string> allowed, string value) =>
        allowed.Count == 0 || allowed.Any(a => string.Equals(a.Replace("_", "", StringComparison.Ordinal), value, StringComparison.OrdinalIgnoreCase));
}
