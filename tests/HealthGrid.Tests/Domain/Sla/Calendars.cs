using HealthGrid.Domain.Sla;

namespace HealthGrid.Tests.Domain.Sla;

/// <summary>Calendars for SLA tests, built through the same path as configuration.</summary>
internal static class Calendars
{
    public static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

    /// <summary>Amsterdam, Monday to Friday 08:00-18:00, closed on Christmas Day 2026.</summary>
    public static BusinessCalendar Amsterdam() => Build("Europe/Amsterdam", Weekdays, ["08:00-18:00"], [new DateOnly(2026, 12, 25)]);

    public static BusinessCalendar Build(string zone, IEnumerable<string> days, string[] spans, DateOnly[]? holidays = null) =>
        SlaCalendars.Build(Settings(zone, days, spans, holidays));

    public static SlaCalendarSettings Settings(string zone, IEnumerable<string> days, string[] spans, DateOnly[]? holidays = null, string id = "test") => new()
    {
        Id = id,
        TimeZone = zone,
        Hours = days.ToDictionary(Enum.Parse<DayOfWeek>, _ => spans.ToList()),
        Holidays = [.. holidays ?? []],
    };

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    public static TimeSpan H(double hours) => TimeSpan.FromHours(hours);
}
