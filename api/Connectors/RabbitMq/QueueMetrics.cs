using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using HealthGrid.Hosting.Telemetry;

namespace HealthGrid.Api.Connectors.RabbitMq;

/// <summary>Per consumed queue: messages settled (applied or duplicate), dead-lettered, and the broker's lag (messages waiting).</summary>
public sealed class QueueMetrics
{
    private readonly Counter<long> consumed;
    private readonly Counter<long> deadLettered;
    private readonly ConcurrentDictionary<string, long> lag = new(StringComparer.Ordinal);

    public QueueMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(HealthGridTelemetry.MeterName);
        consumed = meter.CreateCounter<long>("healthgrid.queue.consumed", description: "Queue messages whose event is durable (applied, or a duplicate of one that is), acknowledged to the broker.");
        deadLettered = meter.CreateCounter<long>("healthgrid.queue.dead_lettered", description: "Queue messages that could not become an event, published to the dead-letter exchange with the reason.");
        meter.CreateObservableGauge("healthgrid.queue.lag", () => lag.Select(q => new Measurement<long>(q.Value, new KeyValuePair<string, object?>("queue", q.Key))),
            unit: "{message}", description: "Messages waiting in the queue, not yet delivered to a consumer, as last sampled.");
    }

    public void Consumed(string connector, int count) => consumed.Add(count, new KeyValuePair<string, object?>("queue", connector));

    public void DeadLettered(string connector) => deadLettered.Add(1, new KeyValuePair<string, object?>("queue", connector));

    public void Lag(string connector, long waiting) => lag[connector] = waiting;

    /// <summary>A connector that is no longer consumed has no lag to report.</summary>
    public void Forget(string connector) => lag.TryRemove(connector, out _);
}
