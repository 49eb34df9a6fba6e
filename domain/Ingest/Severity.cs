namespace HealthGrid.Domain.Ingest;

[GenerateSerializer]
public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}
