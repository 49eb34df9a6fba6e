using System.Globalization;
using System.Text.RegularExpressions;

namespace HealthGrid.LoadTests.Measure;

/// <summary>
/// The server's own SLA fire-delay histogram (healthgrid_sla_fire_delay, on-time breach firings),
/// read from /metrics before and after a run; percentiles are bucket upper bounds.
/// </summary>
public static partial class FireDelayMetric
{
    public static async Task<SortedDictionary<double, long>> ReadAsync(HttpClient http)
    {
        var text = await http.GetStringAsync("/metrics");
        var buckets = new SortedDictionary<double, long>();
        foreach (Match match in Bucket().Matches(text))
        {
            var le = match.Groups["le"].Value == "+Inf" ? double.PositiveInfinity : double.Parse(match.Groups["le"].Value, CultureInfo.InvariantCulture);
            buckets[le] = long.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture);
        }

        return buckets;
    }

    /// <summary>"p99 ≤ 20 ms" from the difference of two cumulative readings.</summary>
    public static string Describe(SortedDictionary<double, long> before, SortedDictionary<double, long> after)
    {
        var delta = after.ToDictionary(b => b.Key, b => b.Value - before.GetValueOrDefault(b.Key));
        var total = delta.GetValueOrDefault(double.PositiveInfinity);
        if (total == 0)
        {
            return "server fire delay (on-time breaches): no samples";
        }

        string At(double percentile) => delta.OrderBy(b => b.Key).First(b => b.Value >= total * percentile / 100).Key is var le && double.IsPositiveInfinity(le) ? "> last bucket" : $"≤ {le} ms";
        return $"server fire delay (on-time breaches): n={total}  p50 {At(50)}  p99 {At(99)}  p99.9 {At(99.9)}";
    }

    [GeneratedRegex("""healthgrid_sla_fire_delay_milliseconds_bucket\{[^}]*kind="breach",overdue="false",le="(?<le>[^"]+)"\} (?<count>\d+)""")]
    private static partial Regex Bucket();
}
