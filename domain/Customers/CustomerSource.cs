namespace HealthGrid.Domain.Customers;

/// <summary>
/// A source that fed a customer's score: its last event for the customer, and — when the source is stale
/// now — a note that says the data behind the score is ("no events from the EU helpdesk for 3 h").
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.CustomerSource")]
public sealed record CustomerSource(
    [property: Id(0)] string Source,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset LastEventAt,
    [property: Id(3)] bool Stale,
    [property: Id(4)] string? Note);
