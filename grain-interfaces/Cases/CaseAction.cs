namespace HealthGrid.Cases;

[GenerateSerializer]
public enum CaseAction
{
    Acknowledge,
    Resolve,
}
