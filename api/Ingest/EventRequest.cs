
namespace HealthGrid.Api.Ingest;

/// <summary>
/// One interaction as posted to <c>POST /api/v1/events</c>. <c>kind</c> decides which detail object
/// (or, for messages and social mentions, <c>text</c>) must be present; others are refused.
/// </summary>
public sealed class EventRequest
{
    /// <summary>Client-chosen idempotency key: a repeat is acknowledged again and applied once.</summary>
    public string? EventId { get; set; }

    /// <summary>The customer; required for every kind except system_change (organisation-wide, so omitted).</summary>
    public string? CustomerId { get; set; }

    /// <summary>ISO 8601 time the interaction happened; UTC when no offset is given.</summary>
    public string? OccurredAt { get; set; }

    /// <summary>chat, call, email, web, social, survey, field or system.</summary>
    public string? Channel { get; set; }

    /// <summary>ticket_opened, ticket_updated, ticket_resolved, message, survey, complaint, social_mention, delivery, payment, usage or system_change.</summary>
    public string? Kind { get; set; }

    /// <summary>Journey stage id; defaults by kind (and for complaints by the code's process).</summary>
    public string? JourneyStage { get; set; }

    public string? Product { get; set; }

    /// <summary>message and social_mention: what the customer wrote or said.</summary>
    public string? Text { get; set; }

    /// <summary>message: the conversation (chat session, call) the message belongs to.</summary>
    public string? InteractionId { get; set; }

    /// <summary>message: true while the conversation is in progress.</summary>
    public bool? Live { get; set; }

    /// <summary>message: customer (default) or agent; only the customer's words are scored.</summary>
    public string? Direction { get; set; }

    /// <summary>message: the team handling the conversation.</summary>
    public string? Team { get; set; }

    public TicketRequest? Ticket { get; set; }

    public SurveyRequest? Survey { get; set; }

    public ComplaintRequest? Complaint { get; set; }

    public SocialRequest? Social { get; set; }

    public DeliveryRequest? Delivery { get; set; }

    public PaymentRequest? Payment { get; set; }

    public UsageRequest? Usage { get; set; }

    public ChangeRequest? Change { get; set; }
}

/// <summary>ticket_opened, ticket_updated, ticket_resolved.</summary>
public sealed class TicketRequest
{
    public string? TicketId { get; set; }

    /// <summary>low, medium, high or critical; required when a ticket is opened.</summary>
    public string? Severity { get; set; }

    public string? Category { get; set; }

    public string? Text { get; set; }

    /// <summary>The source helpdesk reports that the ticket breached its SLA.</summary>
    public bool? SlaBreached { get; set; }

    /// <summary>The case status after this event: opened, acknowledged, investigating, waiting_on_customer, resolved or closed.</summary>
    public string? Status { get; set; }

    /// <summary>The agent working the ticket; kept until another is named.</summary>
    public string? Assignee { get; set; }

    /// <summary>The team working the ticket; kept until another is named.</summary>
    public string? Team { get; set; }

    /// <summary>ticket_updated: who wrote the update, agent (default; a response) or customer (an agent owes the next response).</summary>
    public string? Author { get; set; }
}

/// <summary>survey: nps 0-10, csat 1-5, ces 1-7 (7 = very easy).</summary>
public sealed class SurveyRequest
{
    public string? Type { get; set; }

    public int? Score { get; set; }

    public string? Verbatim { get; set; }
}

/// <summary>complaint: a configured categorization code, a severity and optional text; it opens a case.</summary>
public sealed class ComplaintRequest
{
    public string? Code { get; set; }

    public string? Severity { get; set; }

    public string? Text { get; set; }

    /// <summary>The case the complaint opens (later ticket events with this id update it); defaults to the event id.</summary>
    public string? CaseId { get; set; }

    public string? Assignee { get; set; }

    public string? Team { get; set; }
}

/// <summary>social_mention: optional details; the text is the event's <c>text</c>.</summary>
public sealed class SocialRequest
{
    public string? Platform { get; set; }
}

/// <summary>delivery: on time, or late by <c>delayHours</c>.</summary>
public sealed class DeliveryRequest
{
    public bool? OnTime { get; set; }

    public double? DelayHours { get; set; }
}

/// <summary>payment: 0 for on time.</summary>
public sealed class PaymentRequest
{
    public int? DaysLate { get; set; }
}

/// <summary>usage: active users of licensed users.</summary>
public sealed class UsageRequest
{
    public int? ActiveUsers { get; set; }

    public int? LicensedUsers { get; set; }
}

/// <summary>system_change: a release or configuration change.</summary>
public sealed class ChangeRequest
{
    /// <summary>Defaults to the event id.</summary>
    public string? ChangeId { get; set; }

    public string? Description { get; set; }

    public string? Product { get; set; }

    public string? Region { get; set; }
}
