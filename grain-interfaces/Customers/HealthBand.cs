namespace HealthGrid.Customers;

[GenerateSerializer]
public enum HealthBand
{
    Healthy,
    AtRisk,
    Critical,
}
