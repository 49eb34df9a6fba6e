namespace HealthGrid.Customers;

[GenerateSerializer]
public enum DependencyType
{
    Process,
    Site,
    Supplier,
    JourneyStage,
}
