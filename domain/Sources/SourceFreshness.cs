using System.Globalization;
using HealthGrid.Domain.Alerts;

namespace HealthGrid.Domain.Sources;

/// <summary>
/// The freshness rules: a source's reports accumulated, whether it is stale at a moment against its
/// expectation (quiet for longer than <see cref="SourceExpectation.QuietAfter"/>, or lagging beyond
/// <see cref="SourceExpectation.MaxLag"/>), and the alert that says so. Pure: time is a parameter.
/// </summary>
public static class SourceFreshness
{
    private static readonly TimeSpan RateWindow = TimeSpan.FromHours(1);

    public static void Add(SourceState state, SourceReport report, DateTimeOffset now)
    {
        state.LastReceivedAt = Later(state.LastReceivedAt, report.LastReceivedAt);
        state.LastOccurredAt = Later(state.LastOccurredAt, report.LastOccurredAt);
        state.LagP95 = report.LagP95;
        state.Total += report.Events;
        var minute = report.LastReceivedAt.ToUnixTimeSeconds() / 60 * 60;
        state.PerMinute[minute] = state.PerMinute.GetValueOrDefault(minute) + report.Events;
        Trim(state, now);
    }

    /// <summary>Why the source is stale at <paramref name="now"/>, or null when it is fresh (or nothing is expected of it).</summary>
    public static string? StaleReason(SourceState state, SourceExpectation? expectation, DateTimeOffset now)
    {
        if (expectation is null)
        {
            return null;
        }

        var since = state.LastReceivedAt ?? state.ExpectedSince ?? now;
        if (now - since > expectation.QuietAfter)
        {
            return state.LastReceivedAt is null
                ? $"no events from {expectation.Label} since it was expected, {Duration(now - since)} ago"
                : $"no events from {expectation.Label} for {Duration(now - since)}";
        }

        return expectation.MaxLag is { } maxLag && state.LagP95 is { } lag && lag > maxLag
            ? $"events from {expectation.Label} arrive {Duration(lag)} after they happen (more than {Duration(maxLag)})"
            : null;
    }

    public static SourceView View(string id, SourceState state, SourceExpectation? expectation, DateTimeOffset now)
    {
        var reason = StaleReason(state, expectation, now);
        var since = now - RateWindow;
        return new SourceView
        {
            Id = id,
            Name = expectation?.Label ?? id,
            LastReceivedAt = state.LastReceivedAt,
            LastOccurredAt = state.LastOccurredAt,
            EventsLastHour = state.PerMinute.Where(m => DateTimeOffset.FromUnixTimeSeconds(m.Key) >= since).Sum(m => m.Value),
            Total = state.Total,
            LagP95 = state.LagP95,
            Expected = expectation is not null,
            QuietAfter = expectation?.QuietAfter,
            MaxLag = expectation?.MaxLag,
            Stale = reason is not null,
            Reason = reason,
        };
    }

    /// <summary>Numbered per source: a source that goes stale again after recovering raises a new alert.</summary>
    public static string AlertId(string source, int episode) => AlertIds.Of("source-stale", source, episode);

    public static Alert Alert(string id, string source, string label, string reason, DateTimeOffset now) =>
        AlertLifecycle.Raise(id, AlertType.SourceStale, AlertSeverity.High,
            $"Source {label} is stale: {reason}. Health scores fed by it may be out of date.",
            [Audience.Operators, Audience.Leadership], AlertOwnerKind.Source, source, now) with { Code = source };

    /// <summary>A span in the largest unit that says it: "45 s", "12 min", "3 h", "2 d".</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => $"{Math.Floor(span.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s",
        { TotalHours: < 1 } => $"{Math.Floor(span.TotalMinutes).ToString(CultureInfo.InvariantCulture)} min",
        { TotalDays: < 2 } => $"{Math.Floor(span.TotalHours).ToString(CultureInfo.InvariantCulture)} h",
        _ => $"{Math.Floor(span.TotalDays).ToString(CultureInfo.InvariantCulture)} d",
    };

    private static void Trim(SourceState state, DateTimeOffset now)
    {
        var cutoff = (now - RateWindow).ToUnixTimeSeconds();
        foreach (var old in state.PerMinute.Keys.TakeWhile(k => k < cutoff - 60).ToList())
        {
            state.PerMinute.Remove(old);
        }
    }

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value > b ? value : b;
}
