namespace HealthGrid.Domain.Customers;

[GenerateSerializer]
public enum HealthBand
{
    Healthy,
    AtRisk,
    Critical,
}
