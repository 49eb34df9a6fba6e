namespace HealthGrid.Customers;

[GenerateSerializer]
public enum ChurnLevel
{
    Low,
    Medium,
    High,
}
