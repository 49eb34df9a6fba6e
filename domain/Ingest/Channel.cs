namespace HealthGrid.Domain.Ingest;

/// <summary>Where an interaction happened.</summary>
[GenerateSerializer]
public enum Channel
{
    Chat,
    Call,
    Email,
    Web,
    Social,
    Survey,
    Field,
    System,
}
