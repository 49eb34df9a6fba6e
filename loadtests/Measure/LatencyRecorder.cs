using System.Diagnostics;
using HdrHistogram;

namespace HealthGrid.LoadTests.Measure;

/// <summary>
/// Records request outcomes from many threads without locks (HdrHistogram's <see cref="Recorder"/>
/// for latency, interlocked counters for the rest) and cuts them into one point per second, so a
/// report shows both the whole run and how it moved.
/// </summary>
public sealed class LatencyRecorder
{
    private const long HighestMicros = 10L * 60 * 1_000_000;
    private readonly Recorder recorder = new(1, HighestMicros, 3, (id, low, high, digits) => new LongHistogram(id, low, high, digits));
    private readonly HistogramBase total = new LongHistogram(1, HighestMicros, 3);
    private readonly long[] statuses = new long[600];
    private readonly List<SecondPoint> series = [];
    private readonly int itemsPerRequest;
    private HistogramBase? interval;
    private long requests;
    private long errors;
    private long late;
    private long lastRequests;
    private long lastErrors;

    public LatencyRecorder(int itemsPerRequest = 1) => this.itemsPerRequest = itemsPerRequest;

    public long Requests => Interlocked.Read(ref requests);

    public long Errors => Interlocked.Read(ref errors);

    public long Late => Interlocked.Read(ref late);

    /// <summary>A finished request: its status (0 when it failed without one) and when it was due (open model) or started (closed model).</summary>
    public void Record(int status, long fromTimestamp) => RecordBetween(fromTimestamp, Stopwatch.GetTimestamp(), status);

    /// <summary>A latency between two <see cref="Stopwatch"/> timestamps.</summary>
    public void RecordBetween(long fromTimestamp, long toTimestamp, int status = 200)
    {
        var micros = Math.Clamp(Stopwatch.GetElapsedTime(fromTimestamp, toTimestamp).Ticks / 10, 1, HighestMicros);
        recorder.RecordValue(micros);
        Interlocked.Increment(ref requests);
        Interlocked.Increment(ref statuses[Math.Clamp(status, 0, statuses.Length - 1)]);
        if (status is < 200 or > 299)
        {
            Interlocked.Increment(ref errors);
        }
    }

    public void RecordLate() => Interlocked.Increment(ref late);

    /// <summary>Closes the current second: called once a second by the runner (and once at the end).</summary>
    public SecondPoint Tick(double second, double targetRate)
    {
        interval = recorder.GetIntervalHistogram(interval);
        total.Add(interval);
        var done = Requests;
        var failed = Errors;
        var point = new SecondPoint(
            Math.Round(second, 1),
            Math.Round(targetRate, 1),
            done - lastRequests,
            (done - lastRequests) * itemsPerRequest,
            failed - lastErrors,
            Percentiles.Of(interval));
        (lastRequests, lastErrors) = (done, failed);
        series.Add(point);
        return point;
    }

    public Percentiles Latency => Percentiles.Of(total);

    public IReadOnlyList<SecondPoint> Series => series;

    public Dictionary<string, long> StatusCounts() =>
        statuses.Select((count, status) => (count, status)).Where(s => s.count > 0).ToDictionary(s => s.status == 0 ? "no response" : s.status.ToString(System.Globalization.CultureInfo.InvariantCulture), s => s.count);

    /// <summary>The distribution as (percentile, ms) pairs for the report's percentile spectrum.</summary>
    public IReadOnlyList<double[]> Spectrum() =>
        total.TotalCount == 0 ? [] : new[] { 0.0, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 100 }.Select(p => new[] { p, Math.Round(total.GetValueAtPercentile(p) / 1000.0, 3) }).ToList();
}

/// <summary>One second of a run.</summary>
public sealed record SecondPoint(double Second, double TargetRate, long Requests, long Items, long Errors, Percentiles Latency);
