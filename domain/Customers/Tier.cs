namespace HealthGrid.Domain.Customers;

[GenerateSerializer]
public enum Tier
{
    Platinum,
    Gold,
    Silver,
    Bronze,
}
