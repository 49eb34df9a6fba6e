using HdrHistogram;

namespace HealthGrid.LoadTests.Measure;

/// <summary>A latency distribution's summary in milliseconds.</summary>
public sealed record Percentiles(long Count, double Mean, double P50, double P75, double P90, double P95, double P99, double P999, double Max)
{
    public static readonly Percentiles Empty = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>From a histogram of microseconds.</summary>
    public static Percentiles Of(HistogramBase histogram)
    {
        if (histogram.TotalCount == 0)
        {
            return Empty;
        }

        static double Ms(long micros) => Math.Round(micros / 1000.0, 3);
        return new Percentiles(
            histogram.TotalCount,
            Math.Round(histogram.GetMean() / 1000.0, 3),
            Ms(histogram.GetValueAtPercentile(50)),
            Ms(histogram.GetValueAtPercentile(75)),
            Ms(histogram.GetValueAtPercentile(90)),
            Ms(histogram.GetValueAtPercentile(95)),
            Ms(histogram.GetValueAtPercentile(99)),
            Ms(histogram.GetValueAtPercentile(99.9)),
            Ms(histogram.GetMaxValue()));
    }

    /// <summary>The value of a percentile name used by thresholds and reports (p50, p75, p90, p95, p99, p99.9, max, mean).</summary>
    public double? ByName(string name) => name switch
    {
        "p50" => P50,
        "p75" => P75,
        "p90" => P90,
        "p95" => P95,
        "p99" => P99,
        "p99.9" => P999,
        "max" => Max,
        "mean" => Mean,
        _ => null,
    };
}
