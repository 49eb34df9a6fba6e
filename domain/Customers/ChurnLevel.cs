namespace HealthGrid.Domain.Customers;

[GenerateSerializer]
public enum ChurnLevel
{
    Low,
    Medium,
    High,
}
