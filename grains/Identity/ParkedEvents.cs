using HealthGrid.Domain.Identity;
using HealthGrid.Domain.Ingest;
using HealthGrid.GrainInterfaces.Ingest;
using HealthGrid.Storage.Identity;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Grains.Identity;

/// <summary>
/// Events parked for want of a customer, applied once one of their identifiers is mapped: each is routed
/// under its own eventId, so applying it twice (two silos, a retry after a crash) applies it once, and it
/// leaves the parking only once its customer accepted it (or had it already). One its customer refuses
/// stays, with the refusal as its reason.
/// </summary>
public sealed partial class ParkedEvents(IIdentityStore store, IdentityResolver resolver, EventRouting routing, TimeProvider time, ILogger<ParkedEvents> logger)
{
    private const int Page = 500;

    /// <summary>Parks the events no mapping resolves; each one's outcome.</summary>
    public async Task<IngestOutcome[]> ParkAsync(IReadOnlyList<ExternalEvent> events)
    {
        var outcomes = new IngestOutcome[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var reason = e.Refs.Length == 0
                ? "names no customer and no external identifier"
                : $"no customer is mapped to {string.Join(" or ", e.Refs)}";
            await store.ParkAsync(new ParkedEvent(e.Event, e.Source, e.Refs, reason, time.GetUtcNow()), CancellationToken.None);
            outcomes[i] = IngestOutcome.Parked(e.Event.EventId, reason);
        }

        return outcomes;
    }

    /// <summary>Applies the parked events that carry <paramref name="identity"/> (all that now resolve, when null), a page at a time; how many left the parking.</summary>
    public async Task<int> ApplyAsync(IdentityRef? identity)
    {
        var applied = 0;
        ParkedEvent? after = null;
        while (true)
        {
            var page = await store.ParkedWithAsync(identity, after, Page, CancellationToken.None);
            if (page.Count == 0)
            {
                return applied;
            }

            applied += await ApplyPageAsync(page);
            after = page[^1];
        }
    }

    private async Task<int> ApplyPageAsync(IReadOnlyList<ParkedEvent> page)
    {
        var customers = await resolver.ResolveAsync([.. page.Select(p => new ExternalEvent(p.Event, p.Source, p.Refs))]);
        var resolved = page.Select((p, i) => (Parked: p, Customer: customers[i])).Where(x => x.Customer is not null).ToList();
        if (resolved.Count == 0)
        {
            return 0;
        }

        var outcomes = await routing.SendAsync([.. resolved.Select(r => r.Parked.Event with { CustomerId = r.Customer })], (ex, customer, count) => LogApplyFailed(ex, customer, count));
        var done = new List<string>();
        for (var i = 0; i < resolved.Count; i++)
        {
            var parked = resolved[i].Parked;
            switch (outcomes[i].Status)
            {
                case IngestStatus.Accepted or IngestStatus.Duplicate:
                    done.Add(parked.Event.EventId);
                    break;
                case IngestStatus.Rejected or IngestStatus.Conflict:
                    // Resolved, but refused by its customer: it stays parked, saying why.
                    await store.UnparkAsync([parked.Event.EventId], CancellationToken.None);
                    await store.ParkAsync(parked with { Reason = $"{resolved[i].Customer} refused it: {outcomes[i].Field} {outcomes[i].Reason}" }, CancellationToken.None);
                    break;
            }
        }

        return done.Count == 0 ? 0 : await store.UnparkAsync(done, CancellationToken.None);
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Applying {Count} parked events to '{CustomerId}' failed; they stay parked and are tried again")]
    private partial void LogApplyFailed(Exception exception, string customerId, int count);
}
