using HealthGrid.Api.Ingest;
using HealthGrid.Domain.Identity;

namespace HealthGrid.Api.Connectors;

/// <summary>
/// What a connector made of one request: an event of our contract with the identifiers that name its
/// customer, or nothing to apply (<see cref="Ignored"/>, with why: an internal note, an event type that
/// moves no health or clock).
/// </summary>
public sealed record ConnectorEvent(EventRequest? Event, IdentityRef[] Refs, string? Ignored = null)
{
    public static ConnectorEvent Ignore(string why) => new(null, [], why);
}
