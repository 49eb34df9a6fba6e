namespace HealthGrid.Domain.Customers;

[GenerateSerializer]
public enum DependencyType
{
    Process,
    Site,
    Supplier,
    JourneyStage,
}
