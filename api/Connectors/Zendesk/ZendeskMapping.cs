using System.Globalization;
using System.Text.Json;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Api.Infrastructure.Json;
using HealthGrid.Api.Ingest;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Connectors;
using HealthGrid.Domain.Identity;
using HealthGrid.Domain.Ingest;
using static HealthGrid.Api.Connectors.PayloadFields;

namespace HealthGrid.Api.Connectors.Zendesk;

/// <summary>
/// Zendesk's ticket events (developer.zendesk.com, "Webhook event types" → ticket events: <c>type</c>,
/// <c>id</c>, <c>time</c>, <c>detail</c> the ticket, <c>event</c> what changed) onto our contract:
/// created → ticket_opened; a public comment → ticket_updated by the agent (staff: it answers the
/// customer) or by the customer (who is then owed the next response); status solved or closed →
/// ticket_resolved, pending or on hold → waiting on the customer, open → investigating; priority and tag
/// changes → ticket_updated. A satisfaction rating arrives from a trigger with the body HealthGrid
/// documents (<c>"type": "healthgrid:satisfaction"</c>) → a CSAT survey. The customer is named by the
/// ticket's organisation, then its requester; case ids are scoped by the connector.
/// </summary>
public static class ZendeskMapping
{
    public const string SatisfactionType = "healthgrid:satisfaction";
    private const string TicketEvent = "zen:event-type:ticket.";

    public static ConnectorEvent? Map(JsonElement root, ZendeskConnectorSettings settings, FieldErrors errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "must be a Zendesk webhook event (a JSON object)");
            return null;
        }

        var type = Text(root, "type", errors, required: true);
        return type == SatisfactionType ? Satisfaction(root, settings, errors)
            : type is not null && type.StartsWith(TicketEvent, StringComparison.Ordinal) ? TicketChange(root, type[TicketEvent.Length..], settings, errors)
            : type is null ? null
            : ConnectorEvent.Ignore($"'{type}' is not a ticket event HealthGrid takes");
    }

    private static ConnectorEvent? TicketChange(JsonElement root, string change, ZendeskConnectorSettings settings, FieldErrors errors)
    {
        var id = Text(root, "id", errors, required: true);
        var time = Time(root, "time", errors);
        if (!root.TryGetProperty("detail", out var detail) || detail.ValueKind != JsonValueKind.Object)
        {
            errors.Add("detail", "is required: the ticket");
            return null;
        }

        var ticketId = Text(detail, "id", errors, required: true, prefix: "detail.");
        root.TryGetProperty("event", out var happened);
        if (!errors.IsEmpty)
        {
            return null;
        }

        var ticket = Ticket(settings, ticketId!, detail);
        (InteractionKind Kind, TicketRequest Ticket)? mapped = change switch
        {
            "created" => (InteractionKind.TicketOpened, ticket with { Severity = SeverityOf(Text(detail, "priority")) ?? Severity.Medium, Text = Text(detail, "description") }),
            "comment_added" => Comment(happened, ticket, errors),
            "status_changed" => Status(Text(happened, "current"), ticket),
            "priority_changed" => SeverityOf(Text(happened, "current")) is { } severity ? (InteractionKind.TicketUpdated, ticket with { Severity = severity }) : null,
            "tags_changed" => ticket.Category is null ? null : (InteractionKind.TicketUpdated, ticket),
            _ => null,
        };
        if (!errors.IsEmpty)
        {
            return null;
        }

        if (mapped is not { } found)
        {
            return ConnectorEvent.Ignore($"ticket.{change} moves no case HealthGrid keeps");
        }

        return new ConnectorEvent(
            new EventRequest { EventId = $"zendesk.{settings.Id}.{id}", OccurredAt = time, Channel = ChannelOf(detail), Kind = found.Kind, Ticket = found.Ticket },
            Refs(settings, Text(detail, "organization_id"), Text(detail, "requester_id"), null));
    }

    /// <summary>A public comment: the agent's (staff) answers the customer, the customer's is owed an answer. Internal notes answer nobody.</summary>
    private static (InteractionKind, TicketRequest)? Comment(JsonElement happened, TicketRequest ticket, FieldErrors errors)
    {
        if (happened.ValueKind != JsonValueKind.Object || !happened.TryGetProperty("comment", out var comment) || comment.ValueKind != JsonValueKind.Object)
        {
            errors.Add("event.comment", "is required for ticket.comment_added");
            return null;
        }

        if (!comment.TryGetProperty("is_public", out var isPublic) || isPublic.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add("event.comment.is_public", "is required (true or false)");
            return null;
        }

        if (isPublic.ValueKind == JsonValueKind.False)
        {
            return null;
        }

        var staff = comment.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object
            && author.TryGetProperty("is_staff", out var isStaff) && isStaff.ValueKind == JsonValueKind.True;
        return (InteractionKind.TicketUpdated, ticket with { Text = Text(comment, "body"), Author = staff ? MessageDirection.Agent : MessageDirection.Customer });
    }

    private static (InteractionKind, TicketRequest)? Status(string? current, TicketRequest ticket) => current?.ToUpperInvariant() switch
    {
        "SOLVED" or "CLOSED" => (InteractionKind.TicketResolved, ticket),
        "PENDING" or "HOLD" => (InteractionKind.TicketUpdated, ticket with { Status = CaseStatus.WaitingOnCustomer }),
        "OPEN" => (InteractionKind.TicketUpdated, ticket with { Status = CaseStatus.Investigating }),
        _ => null,
    };

    /// <summary>A rating from the trigger body HealthGrid documents: good or bad (Zendesk's CSAT), or a score of 1 to 5.</summary>
    private static ConnectorEvent? Satisfaction(JsonElement root, ZendeskConnectorSettings settings, FieldErrors errors)
    {
        var ticketId = Text(root, "ticket_id", errors, required: true);
        var rating = Text(root, "rating", errors, required: true);
        var time = Time(root, "updated_at", errors);
        int? score = rating?.ToLowerInvariant() switch
        {
            "good" => 5,
            "bad" => 1,
            { } number when int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 5 => n,
            _ => null,
        };
        if (rating is not null && score is null)
        {
            errors.Add("rating", "must be good, bad or a score of 1 to 5");
        }

        if (!errors.IsEmpty)
        {
            return null;
        }

        return new ConnectorEvent(
            new EventRequest
            {
                EventId = $"zendesk.{settings.Id}.csat.{ticketId}.{time!.Value.ToUnixTimeSeconds()}",
                OccurredAt = time,
                Channel = Channel.Survey,
                Kind = InteractionKind.Survey,
                Survey = new SurveyRequest { Type = SurveyType.Csat, Score = score, Verbatim = Text(root, "comment") is { Length: > 0 } verbatim ? verbatim : null },
            },
            Refs(settings, Text(root, "organization_id"), Text(root, "requester_id"), Text(root, "requester_email")));
    }

    private static TicketRequest Ticket(ZendeskConnectorSettings settings, string ticketId, JsonElement detail) => new()
    {
        TicketId = CaseIdOf(settings, ticketId),
        Category = Tags(detail).Select(t => settings.CategoriesByTag.GetValueOrDefault(t)).FirstOrDefault(c => c is not null),
        Team = Text(detail, "group_id") is { } group && settings.TeamsByGroup.TryGetValue(group, out var team) ? team : settings.Team,
    };

    /// <summary>Zendesk's ticket 12345 is <c>zendesk:{connector}:12345</c> here: another instance's, or another helpdesk's, is another case.</summary>
    public static string CaseIdOf(ZendeskConnectorSettings settings, string ticketId) => $"zendesk:{settings.Id}:{ticketId}";

    /// <summary>The organisation, then the requester, then the requester's e-mail domain: the first mapped names the customer.</summary>
    private static IdentityRef[] Refs(ZendeskConnectorSettings settings, string? organization, string? requester, string? email)
    {
        var refs = new List<IdentityRef>();
        if (organization is { Length: > 0 } and not "0")
        {
            refs.Add(new IdentityRef($"zendesk-org:{settings.Id}", organization));
        }

        if (requester is { Length: > 0 } and not "0")
        {
            refs.Add(new IdentityRef($"zendesk-user:{settings.Id}", requester));
        }

        if (email?.LastIndexOf('@') is > 0 and var at && at < email.Length - 1)
        {
            refs.Add(new IdentityRef("email-domain", email[(at + 1)..].ToLowerInvariant()));
        }

        return [.. refs];
    }

    private static Severity? SeverityOf(string? priority) => priority?.ToUpperInvariant() switch
    {
        "LOW" => Severity.Low,
        "NORMAL" => Severity.Medium,
        "HIGH" => Severity.High,
        "URGENT" => Severity.Critical,
        _ => null,
    };

    /// <summary>How the ticket reached Zendesk (<c>via.channel</c>), as HealthGrid's channels.</summary>
    private static Named<Channel> ChannelOf(JsonElement detail) =>
        (detail.TryGetProperty("via", out var via) && via.ValueKind == JsonValueKind.Object ? Text(via, "channel") : null) switch
        {
            "email" => Channel.Email,
            "voice" or "phone" => Channel.Call,
            "chat" or "native_messaging" or "messaging" or "sunshine_conversations_api" => Channel.Chat,
            "twitter" or "twitter_dm" or "facebook" or "instagram_dm" => Channel.Social,
            "api" => Channel.System,
            _ => Channel.Web,
        };

    /// <summary>Tags as a list (ticket events) or space-separated (trigger placeholders).</summary>
    private static IEnumerable<string> Tags(JsonElement detail) =>
        !detail.TryGetProperty("tags", out var tags) ? []
        : tags.ValueKind == JsonValueKind.Array ? tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!)
        : tags.ValueKind == JsonValueKind.String ? tags.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        : [];
}
