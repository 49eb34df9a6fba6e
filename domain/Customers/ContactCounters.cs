namespace HealthGrid.Domain.Customers;

[GenerateSerializer, Immutable, Alias("HealthGrid.ContactCounters")]
public sealed record ContactCounters(
    [property: Id(0)] int Last24Hours,
    [property: Id(1)] int Last7Days,
    [property: Id(2)] int OpenTickets,
    [property: Id(3)] double RepeatContacts);
