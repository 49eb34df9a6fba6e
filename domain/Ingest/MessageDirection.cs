namespace HealthGrid.Domain.Ingest;

/// <summary>Who wrote a chat or call message; only the customer's words are scored.</summary>
[GenerateSerializer]
public enum MessageDirection
{
    Customer,
    Agent,
}
