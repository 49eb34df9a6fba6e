using System.Globalization;

namespace HealthGrid.Domain.Sla;

/// <summary>Builds <see cref="BusinessCalendar"/>s from configuration and says what is wrong with a bad one.</summary>
public static class SlaCalendars
{
    public static BusinessCalendar Build(SlaCalendarSettings settings)
    {
        if (settings.AlwaysOpen)
        {
            return new BusinessCalendar(settings.Id, Zone(settings), true, [], []);
        }

        var hours = settings.Hours.ToDictionary(h => h.Key, h => h.Value.Select(span => Span(settings.Id, h.Key, span)).OrderBy(s => s.Open).ToArray());
        return new BusinessCalendar(settings.Id, Zone(settings), false, hours, settings.Holidays);
    }

    private static TimeZoneInfo Zone(SlaCalendarSettings settings) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZone, out var zone)
            ? zone
            : throw new ArgumentException($"Calendar '{settings.Id}': unknown time zone '{settings.TimeZone}'.");

    /// <summary>Whether <paramref name="text"/> is an opening span like 08:00-18:00 (the end may be 24:00).</summary>
    public static bool TryParseSpan(string text, out (TimeSpan Open, TimeSpan Close) span)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && TryTime(parts[0], out var open) && TryTime(parts[1], out var close) && open < close)
        {
            span = (open, close);
            return true;
        }

        span = default;
        return false;
    }

    private static (TimeSpan Open, TimeSpan Close) Span(string calendar, DayOfWeek day, string text) =>
        TryParseSpan(text, out var span)
            ? span
            : throw new ArgumentException($"Calendar '{calendar}' {day}: '{text}' is not a span like 08:00-18:00 (the end may be 24:00).");

    private static bool TryTime(string text, out TimeSpan time)
    {
        if (text == "24:00")
        {
            time = TimeSpan.FromDays(1);
            return true;
        }

        return TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out time) && time < TimeSpan.FromDays(1);
    }
}
