using System.Diagnostics;
using HdrHistogram;

namespace HealthGrid.LoadTests.Measure;

/// <summary>A thread-safe latency histogram in microseconds (1 µs to 10 minutes, 3 significant digits).</summary>
public sealed class Latencies(string name)
{
    private readonly LongHistogram histogram = new(TimeSpan.FromMinutes(10).Ticks / 10, 3);
    private readonly Lock gate = new();

    public string Name { get; } = name;

    public long Count
    {
        get
        {
            lock (gate)
            {
                return histogram.TotalCount;
            }
        }
    }

    public void Record(TimeSpan latency)
    {
        var micros = Math.Clamp(latency.Ticks / 10, 1, histogram.HighestTrackableValue);
        lock (gate)
        {
            histogram.RecordValue(micros);
        }
    }

    /// <summary>Records the time from <paramref name="fromTimestamp"/> (a <see cref="Stopwatch"/> timestamp) to now.</summary>
    public void RecordSince(long fromTimestamp) => Record(Stopwatch.GetElapsedTime(fromTimestamp));

    public TimeSpan Percentile(double percentile)
    {
        lock (gate)
        {
            return histogram.TotalCount == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(histogram.GetValueAtPercentile(percentile) * 10);
        }
    }

    public string Summary()
    {
        lock (gate)
        {
            if (histogram.TotalCount == 0)
            {
                return $"{Name}: no samples";
            }

            static string Ms(long micros) => $"{micros / 1000.0:0.000} ms";
            return $"{Name}: n={histogram.TotalCount}  p50 {Ms(histogram.GetValueAtPercentile(50))}  p90 {Ms(histogram.GetValueAtPercentile(90))}"
                + $"  p99 {Ms(histogram.GetValueAtPercentile(99))}  p99.9 {Ms(histogram.GetValueAtPercentile(99.9))}  max {Ms(histogram.GetMaxValue())}";
        }
    }
}
