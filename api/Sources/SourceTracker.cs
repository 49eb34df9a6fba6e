using System.Diagnostics.Metrics;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Sources;
using HealthGrid.Hosting.Telemetry;

namespace HealthGrid.Api.Sources;

/// <summary>
/// What this silo received from each source since the last report: events accepted, the latest receipt
/// and occurrence, and a sample of their lag (receipt − occurredAt) for its 95th percentile. Every lag
/// also goes to the <c>healthgrid.source.lag</c> histogram. Fed by <see cref="Ingest.EventIngestor"/>,
/// drained by <see cref="SourceWatch"/>.
/// </summary>
public sealed class SourceTracker
{
    private const int LagSamples = 2_048;

    private readonly Lock gate = new();
    private readonly Dictionary<string, Accumulator> pending = new(StringComparer.Ordinal);
    private readonly Histogram<double> lagHistogram;
    private readonly Counter<long> events;

    public SourceTracker(IMeterFactory meters)
    {
        var meter = meters.Create(HealthGridTelemetry.MeterName);
        lagHistogram = meter.CreateHistogram<double>("healthgrid.source.lag", unit: "ms", description: "Receipt − occurredAt of events that arrived, by source: how far behind a source delivers.");
        events = meter.CreateCounter<long>("healthgrid.source.events", description: "Events that arrived (accepted or parked), by source.");
    }

    /// <summary>Counts the events of <paramref name="batch"/> that arrived (accepted, or parked until their customer is known) for their sources; events without a source are HealthGrid's own.</summary>
    public void Record(IReadOnlyList<Interaction> batch, IReadOnlyList<IngestOutcome> outcomes)
    {
        lock (gate)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch[i].Source is not { } source || outcomes[i].Status is not (IngestStatus.Accepted or IngestStatus.Parked))
                {
                    continue;
                }

                var lag = batch[i].ReceivedAt - batch[i].OccurredAt;
                if (!pending.TryGetValue(source, out var accumulator))
                {
                    pending[source] = accumulator = new Accumulator();
                }

                accumulator.Add(batch[i], lag < TimeSpan.Zero ? TimeSpan.Zero : lag);
                var tag = new KeyValuePair<string, object?>("source", source);
                lagHistogram.Record(Math.Max(0, lag.TotalMilliseconds), tag);
                events.Add(1, tag);
            }
        }
    }

    /// <summary>The reports accumulated since the last drain, one per source; starts afresh.</summary>
    public Dictionary<string, SourceReport> Drain()
    {
        lock (gate)
        {
            var reports = pending.ToDictionary(p => p.Key, p => p.Value.Report(), StringComparer.Ordinal);
            pending.Clear();
            return reports;
        }
    }

    private sealed class Accumulator
    {
        private readonly TimeSpan[] lags = new TimeSpan[LagSamples];
        private long count;
        private DateTimeOffset lastReceived;
        private DateTimeOffset lastOccurred;

        public void Add(Interaction e, TimeSpan lag)
        {
            // The most recent samples when there are more than fit: the lag a check reports is the latest one.
            lags[count % LagSamples] = lag;
            count++;
            lastReceived = e.ReceivedAt > lastReceived ? e.ReceivedAt : lastReceived;
            lastOccurred = e.OccurredAt > lastOccurred ? e.OccurredAt : lastOccurred;
        }

        public SourceReport Report()
        {
            var sample = lags.AsSpan(0, (int)Math.Min(count, LagSamples)).ToArray();
            Array.Sort(sample);
            var p95 = sample.Length == 0 ? TimeSpan.Zero : sample[Math.Min(sample.Length - 1, (int)Math.Ceiling(sample.Length * 0.95) - 1)];
            return new SourceReport(count, lastReceived, lastOccurred, p95);
        }
    }
}
