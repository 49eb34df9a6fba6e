namespace HealthGrid.Domain.Customers;

/// <summary>A key contact at the customer; <see cref="EscalationOrder"/> 1 is called first during a disruption.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.Contact")]
public sealed record Contact(
    [property: Id(0)] string Name,
    [property: Id(1)] string Role,
    [property: Id(2)] string? Email,
    [property: Id(3)] string? Phone,
    [property: Id(4)] int EscalationOrder);
