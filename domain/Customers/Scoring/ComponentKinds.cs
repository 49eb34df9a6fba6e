namespace HealthGrid.Domain.Customers.Scoring;

public static class ComponentKinds
{
    /// <summary>Load-type components turn a decayed count into a value; the others average observations.</summary>
    public static bool IsLoad(HealthComponent component) =>
        component is HealthComponent.SupportLoad or HealthComponent.SlaBreaches;
}
