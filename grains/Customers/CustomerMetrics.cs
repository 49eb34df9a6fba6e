using System.Diagnostics.Metrics;
using HealthGrid.Domain.Customers;
using HealthGrid.Hosting.Telemetry;

namespace HealthGrid.Grains.Customers;

/// <summary>The live model's instruments: apply latency, score and band changes, active customer grains.</summary>
public sealed class CustomerMetrics
{
    private static readonly double[] LatencyBucketsMs = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 5000];
    private readonly Histogram<double> appliedLatency;
    private readonly Counter<long> scoreChanges;
    private readonly Counter<long> bandChanges;
    private long active;

    public CustomerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(HealthGridTelemetry.MeterName);
        appliedLatency = meter.CreateHistogram(
            "healthgrid.ingest.applied.duration",
            unit: "ms",
            description: "Time from the receipt of an event to its application to the customer's live model (includes the journal commit).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBucketsMs });
        scoreChanges = meter.CreateCounter<long>("healthgrid.score.changes", description: "Recorded changes of customer health scores.");
        bandChanges = meter.CreateCounter<long>("healthgrid.band.changes", description: "Customers moving between health bands, by the band entered.");
        meter.CreateObservableUpDownCounter("healthgrid.customers.active", () => Volatile.Read(ref active), description: "Customer grains active on this silo.");
    }

    public void Applied(TimeSpan sinceReceipt) => appliedLatency.Record(sinceReceipt.TotalMilliseconds);

    public void ScoreChanged(ScoreChange change)
    {
        scoreChanges.Add(1);
        if (change.BandBefore != change.BandAfter)
        {
            bandChanges.Add(1, new KeyValuePair<string, object?>("band", System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(change.BandAfter.ToString())));
        }
    }

    public void Activated() => Interlocked.Increment(ref active);

    public void Deactivated() => Interlocked.Decrement(ref active);
}
