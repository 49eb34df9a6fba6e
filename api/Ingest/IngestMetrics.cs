using System.Diagnostics.Metrics;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Wire;
using HealthGrid.Hosting.Telemetry;

namespace HealthGrid.Api.Ingest;

/// <summary>Events received and what became of them (accepted, duplicate, rejected, unavailable) by kind.</summary>
public sealed class IngestMetrics
{
    private readonly Counter<long> received;
    private readonly Counter<long> outcomes;

    public IngestMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(HealthGridTelemetry.MeterName);
        received = meter.CreateCounter<long>("healthgrid.events.received", description: "Events received by the ingest API, valid or not.");
        outcomes = meter.CreateCounter<long>("healthgrid.events.outcomes", description: "What became of received events, by outcome and kind.");
    }

    public void Received(int count) => received.Add(count);

    public void Outcome(IngestStatus status, InteractionKind? kind) =>
        outcomes.Add(1, new("outcome", EnumNames<IngestStatus>.Name(status)), new("kind", kind is { } k ? EnumNames<InteractionKind>.Name(k) : "unknown"));
}
