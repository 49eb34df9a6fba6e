using HealthGrid.Domain.Ingest;

namespace HealthGrid.Tests.Domain.Privacy;

/// <summary>An event carrying one kind of free text, for the redaction and retention tables.</summary>
internal static class TextEvents
{
    public static Interaction Event(MessageDetails? message = null, TicketDetails? ticket = null, SurveyDetails? survey = null, ComplaintDetails? complaint = null, SocialDetails? social = null) => new()
    {
        EventId = "evt-1",
        CustomerId = "c-1",
        OccurredAt = DateTimeOffset.UnixEpoch,
        ReceivedAt = DateTimeOffset.UnixEpoch,
        Channel = Channel.Chat,
        Kind = message is not null ? InteractionKind.Message : ticket is not null ? InteractionKind.TicketOpened : survey is not null ? InteractionKind.Survey : complaint is not null ? InteractionKind.Complaint : InteractionKind.SocialMention,
        Message = message,
        Ticket = ticket,
        Survey = survey,
        Complaint = complaint,
        Social = social,
    };
}
