namespace HealthGrid.Cases;

[GenerateSerializer]
public enum SlaTimerKind
{
    Warning,
    Breach,
    Escalation,
}
