namespace HealthGrid.Continuity;

[GenerateSerializer]
public enum RunStatus
{
    Running,
    Completed,
    Failed,
}
