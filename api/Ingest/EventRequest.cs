using System.Text.Json;
using System.Text.Json.Serialization;
using HealthGrid.Api.Infrastructure.Json;
using HealthGrid.Api.Infrastructure.Validation;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Ingest;

namespace HealthGrid.Api.Ingest;

/// <summary>
/// One interaction as posted to <c>POST /api/v1/events</c>. <c>kind</c> decides which detail object
/// (or, for messages and social mentions, <c>text</c>) must be present; others are refused.
/// </summary>
public sealed record EventRequest : IUnknownFields
{
    /// <summary>Client-chosen idempotency key: a repeat is acknowledged again and applied once.</summary>
    public string? EventId { get; init; }

    /// <summary>The customer; required for every kind except system_change (organisation-wide, so omitted).</summary>
    public string? CustomerId { get; init; }

    /// <summary>When the interaction happened (ISO 8601); UTC when no offset is given.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    public Named<Channel> Channel { get; init; }

    /// <summary>What happened; the kinds HealthGrid writes itself (case_action, alert_action, sla_timer) are refused.</summary>
    public Named<InteractionKind> Kind { get; init; }

    /// <summary>Journey stage id; defaults by kind (and for complaints by the code's process).</summary>
    public string? JourneyStage { get; init; }

    public string? Product { get; init; }

    /// <summary>message and social_mention: what the customer wrote or said.</summary>
    public string? Text { get; init; }

    /// <summary>message: the conversation (chat session, call) the message belongs to.</summary>
    public string? InteractionId { get; init; }

    /// <summary>message: true while the conversation is in progress.</summary>
    public bool? Live { get; init; }

    /// <summary>message: customer (default) or agent; only the customer's words are scored.</summary>
    public Named<MessageDirection> Direction { get; init; }

    /// <summary>message: the team handling the conversation.</summary>
    public string? Team { get; init; }

    public TicketRequest? Ticket { get; init; }

    public SurveyRequest? Survey { get; init; }

    public ComplaintRequest? Complaint { get; init; }

    public SocialRequest? Social { get; init; }

    public DeliveryRequest? Delivery { get; init; }

    public PaymentRequest? Payment { get; init; }

    public UsageRequest? Usage { get; init; }

    public ChangeRequest? Change { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}

/// <summary>ticket_opened, ticket_updated, ticket_resolved.</summary>
public sealed record TicketRequest : IUnknownFields
{
    public string? TicketId { get; init; }

    /// <summary>Required when a ticket is opened.</summary>
    public Named<Severity> Severity { get; init; }

    public string? Category { get; init; }

    public string? Text { get; init; }

    /// <summary>The source helpdesk reports that the ticket breached its SLA.</summary>
    public bool? SlaBreached { get; init; }

    /// <summary>The case status after this event.</summary>
    public Named<CaseStatus> Status { get; init; }

    /// <summary>The agent working the ticket; kept until another is named.</summary>
    public string? Assignee { get; init; }

    /// <summary>The team working the ticket; kept until another is named.</summary>
    public string? Team { get; init; }

    /// <summary>ticket_updated: who wrote the update, agent (default; a response) or customer (an agent owes the next response).</summary>
    public Named<MessageDirection> Author { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}

/// <summary>survey: nps 0-10, csat 1-5, ces 1-7 (7 = very easy).</summary>
public sealed record SurveyRequest : IUnknownFields
{
    public Named<SurveyType> Type { get; init; }

    public int? Score { get; init; }

    public string? Verbatim { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}

/// <summary>complaint: a configured categorization code, a severity and optional text; it opens a case.</summary>
public sealed record ComplaintRequest : IUnknownFields
{
    public string? Code { get; init; }

    public Named<Severity> Severity { get; init; }

    public string? Text { get; init; }

    /// <summary>The case the complaint opens (later ticket events with this id update it); defaults to the event id.</summary>
    public string? CaseId { get; init; }

    public string? Assignee { get; init; }

    public string? Team { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}

/// <summary>social_mention: optional details; the text is the event's <c>text</c>.</summary>
public sealed record SocialRequest : IUnknownFields
{
    public string? Platform { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}

/// <summary>delivery: on time, or late by <c>delayHours</c>.</summary>
public sealed record DeliveryRequest : IUnknownFields
{
    public bool? OnTime { get; init; }

    public double? DelayHours { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}

/// <summary>payment: 0 for on time.</summary>
public sealed record PaymentRequest : IUnknownFields
{
    public int? DaysLate { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}

/// <summary>usage: active users of licensed users.</summary>
public sealed record UsageRequest : IUnknownFields
{
    public int? ActiveUsers { get; init; }

    public int? LicensedUsers { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}

/// <summary>system_change: a release or configuration change.</summary>
public sealed record ChangeRequest : IUnknownFields
{
    /// <summary>Defaults to the event id.</summary>
    public string? ChangeId { get; init; }

    public string? Description { get; init; }

    public string? Product { get; init; }

    public string? Region { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}
