using System.Diagnostics.Metrics;
using HealthGrid.Hosting.Telemetry;

namespace HealthGrid.Storage.Ingest;

/// <summary>The group commit's instruments: how long commits take, how many events each carries, how many failed.</summary>
public sealed class JournalMetrics
{
    private readonly Histogram<double> commitDuration;
    private readonly Histogram<int> batchSize;
    private readonly Counter<long> failures;

    public JournalMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(HealthGridTelemetry.MeterName);
        commitDuration = meter.CreateHistogram("healthgrid.journal.commit.duration", unit: "ms", description: "Duration of one group commit of the event log.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 5, 10, 25, 50, 100, 250, 1000, 5000] });
        batchSize = meter.CreateHistogram("healthgrid.journal.batch.size", unit: "{event}", description: "Events written by one group commit.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000] });
        failures = meter.CreateCounter<long>("healthgrid.journal.failures", description: "Group commits that failed; their events were answered unavailable.");
    }

    public void Committed(TimeSpan duration, int events)
    {
        commitDuration.Record(duration.TotalMilliseconds);
        batchSize.Record(events);
    }

    public void Failed() => failures.Add(1);
}
