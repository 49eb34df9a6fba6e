namespace HealthGrid.Domain.Customers;

[GenerateSerializer, Immutable, Alias("HealthGrid.CustomerView")]
public sealed record CustomerView(
    [property: Id(0)] CustomerProfile Profile,
    [property: Id(1)] CustomerHealth Health);
