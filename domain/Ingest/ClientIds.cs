namespace HealthGrid.Domain.Ingest;

/// <summary>
/// The ids clients choose that HealthGrid looks up across customers — case ids (from tickets and
/// complaints) and conversation ids (from messages) — and which field of an event carries each. Such an
/// id belongs to the first customer that uses it; another customer's event with it is refused (409)
/// rather than moving the case or conversation.
/// </summary>
public static class ClientIds
{
    public const string Case = "case";
    public const string Interaction = "interaction";

    /// <summary>The globally looked-up ids an event uses, each with the request field that carries it.</summary>
    public static IEnumerable<ClientId> Of(Interaction e)
    {
        if (e.Ticket is { } ticket)
        {
            yield return new ClientId(Case, ticket.TicketId, "ticket.ticketId");
        }

        if (e.Complaint is { } complaint)
        {
            yield return complaint.CaseId is { } caseId ? new ClientId(Case, caseId, "complaint.caseId") : new ClientId(Case, e.EventId, "eventId");
        }

        if (e.Message is { } message)
        {
            yield return new ClientId(Interaction, message.InteractionId, "message.interactionId");
        }
    }

    /// <summary>Why an event with a taken id is refused; the owner is not named (the caller may not see it).</summary>
    public static string Taken(ClientId id) => id.Kind == Case
        ? $"'{id.Id}' is already the id of another customer's case; case ids are unique across customers"
        : $"'{id.Id}' is already the id of another customer's conversation; conversation ids are unique across customers";
}

/// <summary>A client-chosen id of one kind, and the event field it came from.</summary>
public readonly record struct ClientId(string Kind, string Id, string Field);
