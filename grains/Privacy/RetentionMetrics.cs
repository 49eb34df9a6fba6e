using System.Diagnostics.Metrics;
using HealthGrid.Domain.Privacy;
using HealthGrid.Hosting.Telemetry;

namespace HealthGrid.Grains.Privacy;

/// <summary>What retention removed, by kind (<c>events</c>, <c>texts</c>, <c>cases</c>, …), and how many passes ran.</summary>
public sealed class RetentionMetrics
{
    private readonly Counter<long> removed;
    private readonly Counter<long> passes;

    public RetentionMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(HealthGridTelemetry.MeterName);
        removed = meter.CreateCounter<long>("healthgrid.retention.removed", description: "Data let go by the retention rules, by kind: events (with their months), score changes, texts, cases, alerts, notifications, client ids.");
        passes = meter.CreateCounter<long>("healthgrid.retention.passes", description: "Retention passes this silo ran (it leads one at a time for the cluster).");
    }

    public void Pass(RetentionReport report)
    {
        passes.Add(1);
        Add("months", report.Months.Count);
        Add("events", report.Events);
        Add("score_changes", report.ScoreChanges);
        Add("texts", report.Texts);
        Add("cases", report.Cases);
        Add("alerts", report.Alerts);
        Add("notifications", report.Notifications);
        Add("client_ids", report.ClientIds);
        Add("parked", report.Parked);
    }

    private void Add(string kind, long count)
    {
        if (count > 0)
        {
            removed.Add(count, new KeyValuePair<string, object?>("kind", kind));
        }
    }
}
