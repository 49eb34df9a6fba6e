using System.Diagnostics.Metrics;
using HealthGrid.Domain.Notifications;
using HealthGrid.Domain.Wire;
using HealthGrid.Hosting.Telemetry;

namespace HealthGrid.Grains.Notifications.Delivery;

/// <summary>Notifications by channel and outcome, how long from the alert change to delivery, and endpoints disabled.</summary>
public sealed class NotificationMetrics
{
    private static readonly double[] LatencyBucketsMs = [5, 10, 20, 50, 100, 250, 500, 1000, 5000, 30_000, 300_000, 3_600_000];
    private readonly Counter<long> outcomes;
    private readonly Histogram<double> latency;
    private readonly Counter<long> disabled;

    public NotificationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(HealthGridTelemetry.MeterName);
        outcomes = meter.CreateCounter<long>("healthgrid.notifications", description: "Notification attempts by channel and outcome (sent, retrying, failed, held, cancelled).");
        latency = meter.CreateHistogram("healthgrid.notification.latency", unit: "ms", description: "From the alert change to the receiver accepting its notification, by channel.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBucketsMs });
        disabled = meter.CreateCounter<long>("healthgrid.notification.endpoints_disabled", description: "Contact points disabled because their endpoint answered 410 Gone.");
    }

    public void Completed(NotificationRecord record, DateTimeOffset now)
    {
        outcomes.Add(1, new("channel", EnumNames<ChannelKind>.Name(record.Channel)), new("outcome", Label(record)));
        if (record.State == NotificationState.Sent)
        {
            latency.Record(Math.Max(0, ((record.SentAt ?? now) - record.Alert.UpdatedAt).TotalMilliseconds), new KeyValuePair<string, object?>("channel", EnumNames<ChannelKind>.Name(record.Channel)));
        }
    }

    public void Disabled() => disabled.Add(1);

    private static string Label(NotificationRecord record) => record.State switch
    {
        NotificationState.Sent => "sent",
        NotificationState.Failed => "failed",
        NotificationState.Cancelled => "cancelled",
        _ => record.Timeline[^1].Kind == NotificationEventKind.Bundled ? "held" : "retrying",
    };
}
