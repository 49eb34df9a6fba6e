using HealthGrid.Domain.Customers;

namespace HealthGrid.Domain.Continuity;

/// <summary>A stretch of time in which a node delivers too little for a customer, and how much capacity it lost.</summary>
public readonly record struct Window(DateTimeOffset Start, DateTimeOffset End, double Severity)
{
    public TimeSpan Length => End - Start;
}

/// <summary>One of a customer's dependencies hit by a scenario: the impact, and the windows beyond its tolerance (merged, in order).</summary>
public sealed record DependencyHit(Dependency Dependency, DependencyImpact Impact, IReadOnlyList<Window> Unacceptable)
{
    public DateTimeOffset? BreachAt(DateTimeOffset start) => Impact.BreachAfterHours is { } hours ? start + TimeSpan.FromHours(hours) : null;
}

/// <summary>
/// Which of a customer's dependencies a scenario hits, and when each recovery requirement breaks.
/// A disruption reaches a dependency on one of its nodes when the customer is in its region and
/// product scope. Capacity lost beyond the dependency's degraded-mode tolerance counts as no acceptable
/// service; overlapping or touching windows join into one stretch (the worst loss counts), and the
/// requirement breaks once a stretch lasts longer than the maximum tolerable outage, at its start
/// plus that maximum.
/// </summary>
public static class DisruptionWindows
{
    public static List<DependencyHit> Of(CustomerProfile profile, ScenarioPlan plan)
    {
        var hits = new List<DependencyHit>();
        foreach (var dependency in profile.Dependencies)
        {
            var windows = new List<Window>();
            foreach (var disruption in plan.Scenario.Disruptions)
            {
                if (Array.Exists(disruption.Nodes, n => n.Matches(dependency)) && InScope(disruption, profile))
                {
                    var start = plan.Start + TimeSpan.FromHours(disruption.OffsetHours);
                    windows.Add(new Window(start, start + TimeSpan.FromHours(disruption.DurationHours), disruption.Severity));
                }
            }

            if (windows.Count == 0)
            {
                continue;
            }

            var unacceptable = Merge(windows.Where(w => w.Severity > dependency.DegradedTolerancePercent));
            var longest = unacceptable.Count == 0 ? TimeSpan.Zero : unacceptable.Max(w => w.Length);
            var breachAt = BreachAt(unacceptable, TimeSpan.FromHours(dependency.RecoveryHours));
            hits.Add(new DependencyHit(
                dependency,
                new DependencyImpact(
                    dependency.Type,
                    dependency.Id,
                    dependency.RecoveryHours,
                    dependency.DegradedTolerancePercent,
                    windows.Max(w => w.Severity),
                    Math.Round(longest.TotalHours, 2),
                    breachAt is { } at ? Math.Round((at - plan.Start).TotalHours, 2) : null),
                unacceptable));
        }

        return hits;
    }

    /// <summary>Windows joined where they overlap or touch; a joined window keeps the worst loss of its parts.</summary>
    public static List<Window> Merge(IEnumerable<Window> windows)
    {
        var merged = new List<Window>();
        foreach (var window in windows.OrderBy(w => w.Start))
        {
            if (merged.Count > 0 && window.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = new Window(last.Start, window.End > last.End ? window.End : last.End, Math.Max(last.Severity, window.Severity));
            }
            else
            {
                merged.Add(window);
            }
        }

        return merged;
    }

    /// <summary>When the first stretch without acceptable service outlasts the maximum tolerable outage.</summary>
    public static DateTimeOffset? BreachAt(IReadOnlyList<Window> merged, TimeSpan maximumOutage)
    {
        foreach (var window in merged)
        {
            if (window.Length > maximumOutage)
            {
                return window.Start + maximumOutage;
            }
        }

        return null;
    }

    private static bool InScope(ScenarioDisruption disruption, CustomerProfile profile) =>
        (disruption.Regions.Length == 0 || Array.Exists(disruption.Regions, r => string.Equals(r, profile.Region, StringComparison.OrdinalIgnoreCase)))
        && (disruption.Products.Length == 0 || Array.Exists(disruption.Products, p => Array.Exists(profile.Products, q => string.Equals(p, q, StringComparison.OrdinalIgnoreCase))));
}
