namespace HealthGrid.Domain.Sla;

/// <summary>
/// Business time in a time zone: opening hours per weekday in local time, closed on holidays, or
/// always open. Local hours are turned into UTC instants day by day, so DST changes are honoured:
/// an opening time that does not exist (spring forward) opens at the first valid instant after it,
/// and one that happens twice (fall back) opens at the first occurrence.
/// </summary>
public sealed class BusinessCalendar
{
    private const int SearchDays = 3 * 366;
    private readonly TimeZoneInfo zone;
    private readonly Dictionary<DayOfWeek, (TimeSpan Open, TimeSpan Close)[]> hours;
    private readonly HashSet<DateOnly> holidays;

    public BusinessCalendar(string id, TimeZoneInfo zone, bool alwaysOpen, Dictionary<DayOfWeek, (TimeSpan Open, TimeSpan Close)[]> hours, IEnumerable<DateOnly> holidays)
    {
        Id = id;
        this.zone = zone;
        AlwaysOpen = alwaysOpen;
        this.hours = hours;
        this.holidays = [.. holidays];
        if (!alwaysOpen && !hours.Values.Any(spans => spans.Length > 0))
        {
            throw new ArgumentException($"Calendar '{id}' is never open.", nameof(hours));
        }
    }

    public string Id { get; }

    public bool AlwaysOpen { get; }

    public static BusinessCalendar TwentyFourSeven(string id = "24x7") => new(id, TimeZoneInfo.Utc, true, [], []);

    /// <summary>The instant when <paramref name="business"/> business time has passed since <paramref name="start"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan business)
    {
        if (business <= TimeSpan.Zero)
        {
            return start;
        }

        var remaining = business;
        foreach (var (open, close) in OpenIntervals(start))
        {
            var length = close - open;
            if (remaining <= length)
            {
                return open + remaining;
            }

            remaining -= length;
        }

        throw new InvalidOperationException($"Calendar '{Id}' has no business time within {SearchDays} days of {start:O}.");
    }

    /// <summary>Business time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan Elapsed(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        if (to <= from)
        {
            return total;
        }

        foreach (var (open, close) in OpenIntervals(from))
        {
            if (open >= to)
            {
                break;
            }

            total += (close < to ? close : to) - open;
        }

        return total;
    }

    /// <summary>Open intervals in UTC from <paramref name="from"/> on, clipped to start no earlier than it.</summary>
    public IEnumerable<(DateTimeOffset Open, DateTimeOffset Close)> OpenIntervals(DateTimeOffset from)
    {
        if (AlwaysOpen)
        {
            yield return (from, DateTimeOffset.MaxValue);
            yield break;
        }

        // Start a day early: an interval of yesterday (local) may still be open at 'from'.
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime).AddDays(-1);
        for (var d = 0; d < SearchDays; d++)
        {
            var day = firstDay.AddDays(d);
            if (holidays.Contains(day) || !hours.TryGetValue(day.DayOfWeek, out var spans))
            {
                continue;
            }

            foreach (var (openAt, closeAt) in spans)
            {
                var open = ToInstant(day, openAt);
                var close = ToInstant(day, closeAt);
                if (close <= from || close <= open)
                {
                    continue;
                }

                yield return (open < from ? from : open, close);
            }
        }
    }

    private DateTimeOffset ToInstant(DateOnly day, TimeSpan sinceMidnight)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).Add(sinceMidnight);
        while (zone.IsInvalidTime(local))
        {
            // Skipped by a spring-forward change: the first valid minute after the gap.
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
