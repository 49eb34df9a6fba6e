namespace HealthGrid.Domain.Customers;

[GenerateSerializer, Immutable, Alias("HealthGrid.CustomerView")]
public sealed record CustomerView(
    [property: Id(0)] CustomerProfile Profile,
    [property: Id(1)] CustomerHealth Health)
{
    /// <summary>The sources behind the score, each with its last event for this customer and whether it is stale now.</summary>
    [Id(2)] public CustomerSource[] Sources { get; init; } = [];
}
