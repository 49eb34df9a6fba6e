using HealthGrid.Domain.Ingest;
using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.GrainInterfaces.SystemChanges;

namespace HealthGrid.GrainInterfaces.Ingest;

/// <summary>
/// Sends events to the grains that own them, one call per customer (so a batch's events for a customer
/// share one journal commit) and all customers in parallel. A grain that cannot be reached or cannot
/// reach the journal answers "unavailable" for its events, never an error for all. Every way in — the
/// API, the connectors, the queues — routes events through it.
/// </summary>
public sealed class EventRouting(IGrainFactory grains, CustomerGrainReferences customers)
{
    /// <summary>The outcome of each event, in order; <paramref name="failed"/> hears of a delivery that failed (the error, the customer, how many events).</summary>
    public async Task<IngestOutcome[]> SendAsync(IReadOnlyList<Interaction> events, Action<Exception, string, int> failed)
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

        await Task.WhenAll(groups.Select(g => SendAsync(g.Key, g.Value, events, outcomes, failed)));
        return outcomes;
    }

    private async Task SendAsync(string customerId, List<int> indexes, IReadOnlyList<Interaction> events, IngestOutcome[] outcomes, Action<Exception, string, int> failed)
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
            failed(ex, customerId, batch.Length);
            results = [.. batch.Select(e => IngestOutcome.Unavailable(e.EventId))];
        }

        for (var j = 0; j < indexes.Count; j++)
        {
            outcomes[indexes[j]] = results[j];
        }
    }
}
