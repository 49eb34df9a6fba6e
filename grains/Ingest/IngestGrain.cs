using HealthGrid.Domain.Identity;
using HealthGrid.Domain.Ingest;
using HealthGrid.GrainInterfaces.Ingest;
using HealthGrid.Grains.Identity;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace HealthGrid.Grains.Ingest;

[StatelessWorker]
public sealed partial class IngestGrain(IdentityResolver resolver, ParkedEvents parked, EventRouting routing, ILogger<IngestGrain> logger) : Grain, IIngestGrain
{
    public async Task<IngestOutcome[]> IngestAsync(ExternalEvent[] events)
    {
        var customers = await resolver.ResolveAsync(events);
        var outcomes = new IngestOutcome[events.Length];
        var resolved = Enumerable.Range(0, events.Length).Where(i => customers[i] is not null || events[i].Event.Kind == InteractionKind.SystemChange).ToList();
        var unresolved = Enumerable.Range(0, events.Length).Except(resolved).ToList();

        var routed = await routing.SendAsync([.. resolved.Select(i => events[i].Event with { CustomerId = customers[i] })], (ex, customer, count) => LogDeliveryFailed(ex, customer, count));
        for (var j = 0; j < resolved.Count; j++)
        {
            outcomes[resolved[j]] = routed[j];
        }

        var parkedOutcomes = await parked.ParkAsync([.. unresolved.Select(i => events[i])]);
        for (var j = 0; j < unresolved.Count; j++)
        {
            outcomes[unresolved[j]] = parkedOutcomes[j];
        }

        return outcomes;
    }

    [LoggerMessage(EventId = 7102, Level = LogLevel.Error, Message = "Delivering {Count} connector events for '{CustomerId}' failed; they were answered unavailable")]
    private partial void LogDeliveryFailed(Exception exception, string customerId, int count);
}
