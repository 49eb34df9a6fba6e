namespace HealthGrid.Domain.Cases;

[GenerateSerializer]
public enum CaseAction
{
    Acknowledge,
    Resolve,
}
