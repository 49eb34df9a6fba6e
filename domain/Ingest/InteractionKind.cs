namespace HealthGrid.Domain.Ingest;

/// <summary>
/// What happened. Each kind carries its own detail object. The last three are written by HealthGrid
/// itself into a customer's stream (an action through the API, a fired SLA timer) so that they are
/// durable and replayed in order with everything else; the ingest API refuses them.
/// </summary>
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
    CaseAction,
    AlertAction,
    SlaTimer,

    /// <summary>Journaled by the customer's grain when a live conversation has been quiet for the idle timeout: it ends then.</summary>
    ConversationIdle,
}
