using System.Data.Common;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;

namespace HealthGrid.Grains.Customers;

/// <summary>
/// Before a customer journals events, the case and conversation ids they introduce are claimed for it
/// (<see cref="ClientIds"/>); an event whose id another customer already holds is refused with a 409 that
/// names the field. Only ids new to this customer are claimed, so an ongoing case or chat costs nothing.
/// </summary>
internal static class CustomerIdClaims
{
    /// <summary>For each event, the refusal it gets, or null when it may be recorded.</summary>
    public static async Task<IngestOutcome?[]> CheckAsync(CustomerModel customer, Interaction[] events, CustomerServices services)
    {
        var refused = new IngestOutcome?[events.Length];
        var ids = events.Select(e => ClientIds.Of(e).ToArray()).ToArray();
        var wanted = ids.SelectMany(i => i).Where(id => !Known(customer.State, id)).Select(id => (id.Kind, id.Id)).ToHashSet();
        if (wanted.Count == 0)
        {
            return refused;
        }

        IReadOnlyDictionary<(string Kind, string Id), string> owners;
        try
        {
            owners = await services.ClientIds.ClaimAsync(customer.CustomerId, wanted, services.Time.GetUtcNow(), CancellationToken.None);
        }
        catch (DbException)
        {
            // Nobody can say whose the ids are: those events wait for the store like any that cannot be made durable.
            for (var i = 0; i < events.Length; i++)
            {
                if (ids[i].Any(id => wanted.Contains((id.Kind, id.Id))))
                {
                    refused[i] = IngestOutcome.Unavailable(events[i].EventId);
                }
            }

            return refused;
        }

        for (var i = 0; i < events.Length; i++)
        {
            foreach (var id in ids[i])
            {
                if (owners.TryGetValue((id.Kind, id.Id), out var owner) && owner != customer.CustomerId)
                {
                    refused[i] = IngestOutcome.Conflict(events[i].EventId, id.Field, ClientIds.Taken(id));
                    break;
                }
            }
        }

        return refused;
    }

    private static bool Known(CustomerState state, ClientId id) =>
        id.Kind == ClientIds.Case ? state.Cases.ContainsKey(id.Id) : state.Live.ContainsKey(id.Id);
}
