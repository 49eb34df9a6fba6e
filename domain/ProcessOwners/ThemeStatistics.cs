using HealthGrid.Domain.Activity;
using HealthGrid.Domain.Organisation;

namespace HealthGrid.Domain.ProcessOwners;

/// <summary>Adds complaint themes to a process owner's buckets and reads their volumes.</summary>
public static class ThemeStatistics
{
    public static void Add(TimeBuckets<ThemeBucket> buckets, ThemeActivity activity)
    {
        if (buckets.At(activity.At) is not { } bucket)
        {
            return;
        }

        foreach (var theme in activity.Themes)
        {
            var key = Key(theme.Code, theme.Region, theme.Product);
            bucket.Counts[key] = bucket.Counts.GetValueOrDefault(key) + theme.Count;
        }

        bucket.SlaMet += activity.SlaMet;
        bucket.SlaBreached += activity.SlaBreached;
    }

    /// <summary>SLA clocks met and breached over the last day.</summary>
    public static (int Met, int Breached) Sla(TimeBuckets<ThemeBucket> buckets, DateTimeOffset now)
    {
        var day = buckets.Since(now - TimeSpan.FromDays(1)).ToList();
        return (day.Sum(b => b.Bucket.SlaMet), day.Sum(b => b.Bucket.SlaBreached));
    }

    public static ProcessOwnerView View(ProcessOwnerSettings owner, IEnumerable<ProcessSettings> processes, TimeBuckets<ThemeBucket> buckets, DateTimeOffset now)
    {
        var day = buckets.Since(now - TimeSpan.FromDays(1)).ToList();
        var hourAgo = now - TimeSpan.FromHours(1);
        var themes = day.SelectMany(b => b.Bucket.Counts.Select(c => (c.Key, c.Value, Recent: b.Start > hourAgo)))
            .GroupBy(c => c.Key)
            .Select(g =>
            {
                var parts = Parts(g.Key);
                return new ThemeVolume(parts[0], parts[1], parts[2], g.Where(c => c.Recent).Sum(c => c.Value), g.Sum(c => c.Value));
            })
            .OrderByDescending(t => t.LastHour).ThenByDescending(t => t.Last24Hours).ThenBy(t => t.Code, StringComparer.Ordinal)
            .ToArray();
        return new ProcessOwnerView
        {
            Id = owner.Id,
            Name = owner.Name,
            Processes = [.. processes.Select(p => p.Id)],
            ComplaintsLastHour = themes.Sum(t => t.LastHour),
            ComplaintsLast24Hours = themes.Sum(t => t.Last24Hours),
            Themes = themes,
        };
    }

    public static string Key(string code, string region, string product) => $"{code}|{region}|{product}";

    public static string[] Parts(string key) => key.Split('|');
}
