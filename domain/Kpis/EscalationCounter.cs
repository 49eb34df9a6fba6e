using HealthGrid.Domain.Alerts;

namespace HealthGrid.Domain.Kpis;

/// <summary>
/// Alerts raised per hour over the last day, counted from the live alert stream every server
/// receives, and seeded at start from the newest stored alerts. Thread-safe.
/// </summary>
public sealed class EscalationCounter(TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly HashSet<string> counted = new(StringComparer.Ordinal);
    private readonly SortedDictionary<DateTimeOffset, int> byHour = [];

    public void Count(IEnumerable<Alert> alerts)
    {
        var since = Hour(time.GetUtcNow()) - TimeSpan.FromHours(23);
        lock (gate)
        {
            foreach (var alert in alerts.Where(a => a.RaisedAt >= since && counted.Add(a.Id)))
            {
                var hour = Hour(alert.RaisedAt);
                byHour[hour] = byHour.GetValueOrDefault(hour) + 1;
            }

            foreach (var old in byHour.Keys.Where(h => h < since).ToList())
            {
                byHour.Remove(old);
            }

            if (counted.Count > 100_000)
            {
                // Ids only stop double counting across a restart's seed; recent ones are enough.
                counted.Clear();
            }
        }
    }

    public Dictionary<DateTimeOffset, int> PerHour()
    {
        lock (gate)
        {
            return new Dictionary<DateTimeOffset, int>(byHour);
        }
    }

    public static DateTimeOffset Hour(DateTimeOffset at) => new(at.Year, at.Month, at.Day, at.Hour, 0, 0, TimeSpan.Zero);
}
