using System.Diagnostics.Metrics;
using HealthGrid.Cases;
using HealthGrid.Telemetry;

namespace HealthGrid.Alerts;

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
        raised.Add(1, new("type", alert.Type.ToString()), new("severity", alert.Severity.ToString()));

    public void Pushed(int count) => pushed.Add(count);

    public void Fired(SlaTimerKind kind, TimeSpan delay) =>
        fireDelay.Record(Math.Max(0, delay.TotalMilliseconds), new KeyValuePair<string, object?>("kind", kind.ToString()));
}
