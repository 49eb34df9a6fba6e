using HealthGrid.Domain.Ingest;
using HealthGrid.Api.Sources;
using HealthGrid.GrainInterfaces.Ingest;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Api.Ingest;

/// <summary>Sends validated events to the grains that own them (<see cref="EventRouting"/>) and counts what became of each.</summary>
public sealed partial class EventIngestor(EventRouting routing, IngestMetrics metrics, SourceTracker sources, ILogger<EventIngestor> logger)
{
    public async Task<IngestOutcome[]> IngestAsync(IReadOnlyList<Interaction> events)
    {
        var outcomes = await routing.SendAsync(events, (ex, customerId, count) => LogDeliveryFailed(ex, customerId, count));
        Count(events, outcomes);
        return outcomes;
    }

    /// <summary>Counts outcomes decided elsewhere (the connectors' identity resolution and parking).</summary>
    public void Count(IReadOnlyList<Interaction> events, IReadOnlyList<IngestOutcome> outcomes)
    {
        for (var i = 0; i < events.Count; i++)
        {
            metrics.Outcome(outcomes[i].Status, events[i].Kind);
        }

        sources.Record(events, outcomes);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Delivering {Count} events for '{CustomerId}' failed; they were answered unavailable")]
    private partial void LogDeliveryFailed(Exception exception, string customerId, int count);
}
