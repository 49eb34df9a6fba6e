namespace HealthGrid.Domain.Continuity;

[GenerateSerializer]
public enum RunStatus
{
    Running,
    Completed,
    Failed,
}
