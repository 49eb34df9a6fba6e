namespace HealthGrid.Domain.Customers;

/// <summary>How much the business depends on the customer; drives leadership routing and continuity order.</summary>
[GenerateSerializer]
public enum Criticality
{
    Critical,
    High,
    Medium,
    Low,
}
