namespace HealthGrid.Domain.Cases;

[GenerateSerializer]
public enum SlaTimerKind
{
    Warning,
    Breach,
    Escalation,
}
