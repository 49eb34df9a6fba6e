using HealthGrid.Domain.Ingest;
using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.GrainInterfaces.SystemChanges;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Api.Ingest;

/// <summary>
/// Sends validated events to the grains that own them, one call per customer (so a batch's events
/// for a customer share one journal commit) and all customers in parallel. A grain that cannot be
/// reached or cannot reach the journal answers "unavailable" for its events, never an error for all.
/// </summary>
public sealed partial class EventIngestor(IGrainFactory grains, CustomerGrainReferences customers, IngestMetrics metrics, ILogger<EventIngestor> logger)
{
    public async Task<IngestOutcome[]> IngestAsync(IReadOnlyList<Interaction> events)
    {
        var outcomes = new IngestOutcome[events.Count];
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            var key = events[i].CustomerId ?? "";
            if (!groups.TryGetValue(key, out var indexes))
            {
                indexes = [];
                groups[key] = indexes;
            }

            indexes.Add(i);
        }

        await Task.WhenAll(groups.Select(g => SendAsync(g.Key, g.Value, events, outcomes)));
        for (var i = 0; i < events.Count; i++)
        {
            metrics.Outcome(outcomes[i].Status, events[i].Kind);
        }

        return outcomes;
    }

    private async Task SendAsync(string customerId, List<int> indexes, IReadOnlyList<Interaction> events, IngestOutcome[] outcomes)
    {
        var batch = new Interaction[indexes.Count];
        for (var j = 0; j < batch.Length; j++)
        {
            batch[j] = events[indexes[j]];
        }

        IngestOutcome[] results;
        try
        {
            results = customerId.Length == 0
                ? await grains.GetGrain<ISystemChangeLogGrain>(ISystemChangeLogGrain.GlobalKey).RecordAsync(batch)
                : await customers.Get(customerId).RecordInteractionsAsync(batch);
        }
        catch (Exception ex)
        {
            LogDeliveryFailed(ex, customerId, batch.Length);
            results = [.. batch.Select(e => IngestOutcome.Unavailable(e.EventId))];
        }

        for (var j = 0; j < indexes.Count; j++)
        {
            outcomes[indexes[j]] = results[j];
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Delivering {Count} events for '{CustomerId}' failed; they were answered unavailable")]
    private partial void LogDeliveryFailed(Exception exception, string customerId, int count);
}
