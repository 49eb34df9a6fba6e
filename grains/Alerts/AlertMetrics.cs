using System.Diagnostics.Metrics;
using System.Text.Json;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Hosting.Telemetry;

namespace HealthGrid.Grains.Alerts;

/// <summary>Alerts raised and pushed, and how late SLA timers fire.</summary>
public sealed class AlertMetrics
{
    private static readonly double[] DelayBucketsMs = [0.5, 1, 2, 5, 10, 20, 50, 100, 250, 1000, 5000, 60_000, 300_000];
    private readonly Counter<long> raised;
    private readonly Counter<long> pushed;
    private readonly Histogram<double> fireDelay;

    public AlertMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(HealthGridTelemetry.MeterName);
        raised = meter.CreateCounter<long>("healthgrid.alerts.raised", description: "Alerts raised, by type and severity.");
        pushed = meter.CreateCounter<long>("healthgrid.alerts.pushed", description: "Alert changes sent to live-push endpoints.");
        fireDelay = meter.CreateHistogram("healthgrid.sla.fire.delay", unit: "ms", description: "How late SLA timers fire: actual minus due time.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DelayBucketsMs });
    }

    public void Raised(Alert alert) =>
        raised.Add(1, new("type", Label(alert.Type)), new("severity", Label(alert.Severity)));

    public void Pushed(int count)
    {
        // Batches of other changes (customers, cases, continuity runs) push no alert: nothing to count.
        if (count > 0)
        {
            pushed.Add(count);
        }
    }

    /// <summary>
    /// A timer fired <paramref name="delay"/> after its due time. <paramref name="overdue"/> marks timers
    /// that were already due when the grain learned of them (a back-dated event, a re-activation after
    /// a failover, a stricter policy): their delay measures the outage or the data, not the timer.
    /// </summary>
    public void Fired(SlaTimerKind kind, TimeSpan delay, bool overdue) =>
        fireDelay.Record(Math.Max(0, delay.TotalMilliseconds), new("kind", Label(kind)), new("overdue", overdue ? "true" : "false"));

    /// <summary>Label values as the API spells them (snake_case).</summary>
    private static string Label<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
