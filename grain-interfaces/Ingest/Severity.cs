namespace HealthGrid.Ingest;

[GenerateSerializer]
public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}
