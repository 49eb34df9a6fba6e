namespace HealthGrid.Ingest;

/// <summary>What happened. Each kind carries its own detail object.</summary>
[GenerateSerializer]
public enum InteractionKind
{
    TicketOpened,
    TicketUpdated,
    TicketResolved,
    Message,
    Survey,
    Complaint,
    SocialMention,
    Delivery,
    Payment,
    Usage,
    SystemChange,
}
