namespace HealthGrid.Customers;

[GenerateSerializer]
public enum Tier
{
    Platinum,
    Gold,
    Silver,
    Bronze,
}
