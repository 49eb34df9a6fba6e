using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Api.Infrastructure.Json;
using HealthGrid.Api.Ingest;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Connectors;
using HealthGrid.Domain.Identity;
using HealthGrid.Domain.Ingest;
using static HealthGrid.Api.Connectors.PayloadFields;

namespace HealthGrid.Api.Connectors.Zammad;

/// <summary>
/// Zammad's default webhook payload (admin-docs.zammad.org, "Webhook Payload": <c>ticket</c> with its
/// customer, organisation, group, priority and state, and the <c>article</c> the trigger fired on, if
/// any) onto our contract. Zammad names no event, so the payload says what happened: the ticket's first
/// article → ticket_opened; a later public article by an agent → ticket_updated by the agent (it answers
/// the customer), by the customer → ticket_updated by the customer (owed the next response); an
/// internal note answers nobody; no article → the state: closed → ticket_resolved, pending → waiting on
/// the customer, open → investigating. An article keeps the time it was written, so a late delivery
/// still counts for the SLA when it happened. The customer is named by the ticket's organisation, its
/// customer, then the customer's e-mail domain; case ids are scoped by the connector.
/// </summary>
public static partial class ZammadMapping
{
    public static ConnectorEvent? Map(JsonElement root, ZammadConnectorSettings settings, FieldErrors errors)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ticket", out var ticket) || ticket.ValueKind != JsonValueKind.Object)
        {
            errors.Add("ticket", "is required: a Zammad webhook's default payload (ticket, article)");
            return null;
        }

        var ticketId = Text(ticket, "id", errors, required: true, prefix: "ticket.");
        var updatedAt = Time(ticket, "updated_at", errors, prefix: "ticket.");
        var article = root.TryGetProperty("article", out var found) && found.ValueKind == JsonValueKind.Object ? found : (JsonElement?)null;
        if (!errors.IsEmpty)
        {
            return null;
        }

        var request = Ticket(settings, ticketId!, ticket);
        var state = Named(ticket, "state")?.ToLowerInvariant();
        var mapped = article is { } written ? Article(written, ticket, state, request, errors) : State(state, request);
        if (!errors.IsEmpty)
        {
            return null;
        }

        if (mapped is not { } happened)
        {
            return ConnectorEvent.Ignore(article is null ? $"state '{state}' moves no case HealthGrid keeps" : "an internal note or a system article answers nobody");
        }

        var eventId = article is { } a ? $"zammad.{settings.Id}.{ticketId}.article.{Text(a, "id")}" : $"zammad.{settings.Id}.{ticketId}.state.{state}.{updatedAt!.Value.ToUnixTimeMilliseconds()}";
        return new ConnectorEvent(
            new EventRequest { EventId = eventId, OccurredAt = happened.At ?? updatedAt, Channel = ChannelOf(article, ticket), Kind = happened.Kind, Ticket = happened.Ticket },
            Refs(settings, ticket));
    }

    /// <summary>Zammad's ticket 12345 is <c>zammad:{connector}:12345</c> here: another instance's, or another helpdesk's, is another case.</summary>
    public static string CaseIdOf(ZammadConnectorSettings settings, string ticketId) => $"zammad:{settings.Id}:{ticketId}";

    private static Happened? Article(JsonElement article, JsonElement ticket, string? state, TicketRequest request, FieldErrors errors)
    {
        var at = Time(article, "created_at", errors, prefix: "article.");
        var sender = Text(article, "sender", errors, required: true, prefix: "article.");
        if (!article.TryGetProperty("internal", out var isInternal) || isInternal.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add("article.internal", "is required (true or false)");
        }

        if (!errors.IsEmpty || isInternal.ValueKind == JsonValueKind.True || sender is not ("Customer" or "Agent"))
        {
            return null;
        }

        var text = PlainText(Text(article, "body"), Text(article, "content_type"));
        var first = Text(ticket, "article_count") is "1";
        var author = sender == "Agent" ? MessageDirection.Agent : MessageDirection.Customer;
        if (first)
        {
            return new Happened(InteractionKind.TicketOpened, request with { Severity = SeverityOf(ticket) ?? Severity.Medium, Text = text, Author = author }, at);
        }

        return state is "closed" or "merged"
            ? new Happened(InteractionKind.TicketResolved, request with { Text = text, Author = author }, at)
            : new Happened(InteractionKind.TicketUpdated, StatusOf(state) is { } status ? request with { Text = text, Author = author, Status = status } : request with { Text = text, Author = author }, at);
    }

    private static Happened? State(string? state, TicketRequest request) => state switch
    {
        "closed" or "merged" => new Happened(InteractionKind.TicketResolved, request, null),
        "pending reminder" or "pending close" => new Happened(InteractionKind.TicketUpdated, request with { Status = CaseStatus.WaitingOnCustomer }, null),
        "open" => new Happened(InteractionKind.TicketUpdated, request with { Status = CaseStatus.Investigating }, null),
        _ => null,
    };

    /// <summary>An article's state change that goes with it: pending waits on the customer, open is worked on; others are no change.</summary>
    private static CaseStatus? StatusOf(string? state) => state switch
    {
        "pending reminder" or "pending close" => CaseStatus.WaitingOnCustomer,
        _ => null,
    };

    private static TicketRequest Ticket(ZammadConnectorSettings settings, string ticketId, JsonElement ticket) => new()
    {
        TicketId = CaseIdOf(settings, ticketId),
        Category = Tags(ticket).Select(t => settings.CategoriesByTag.GetValueOrDefault(t)).FirstOrDefault(c => c is not null),
        Team = Named(ticket, "group") is { } group && settings.TeamsByGroup.TryGetValue(group, out var team) ? team : settings.Team,
    };

    /// <summary>The organisation, then the customer, then the customer's e-mail domain: the first mapped names the customer.</summary>
    private static IdentityRef[] Refs(ZammadConnectorSettings settings, JsonElement ticket)
    {
        var refs = new List<IdentityRef>();
        if (Text(ticket, "organization_id") is { } organization and not "0")
        {
            refs.Add(new IdentityRef($"zammad-org:{settings.Id}", organization));
        }

        if (Text(ticket, "customer_id") is { } customer and not "0")
        {
            refs.Add(new IdentityRef($"zammad-user:{settings.Id}", customer));
        }

        var email = ticket.TryGetProperty("customer", out var person) && person.ValueKind == JsonValueKind.Object ? Text(person, "email") : null;
        if (email?.LastIndexOf('@') is > 0 and var at && at < email.Length - 1)
        {
            refs.Add(new IdentityRef("email-domain", email[(at + 1)..].ToLowerInvariant()));
        }

        return [.. refs];
    }

    /// <summary>Zammad's priorities are named by rank ("1 low", "2 normal", "3 high"); a fourth or one named urgent is critical.</summary>
    private static Severity? SeverityOf(JsonElement ticket) => Named(ticket, "priority")?.ToLowerInvariant() switch
    {
        null => null,
        var p when p.StartsWith('1') || p.Contains("low", StringComparison.Ordinal) => Severity.Low,
        var p when p.StartsWith('2') || p.Contains("normal", StringComparison.Ordinal) => Severity.Medium,
        var p when p.StartsWith('3') || p.Contains("high", StringComparison.Ordinal) => Severity.High,
        var p when p.StartsWith('4') || p.Contains("urgent", StringComparison.Ordinal) => Severity.Critical,
        _ => null,
    };

    /// <summary>The article's type (or the ticket's first article's) as HealthGrid's channels.</summary>
    private static Named<Channel> ChannelOf(JsonElement? article, JsonElement ticket) =>
        ((article is { } a ? Text(a, "type") : null) ?? Text(ticket, "create_article_type"))?.ToLowerInvariant() switch
        {
            "email" => Channel.Email,
            "phone" => Channel.Call,
            "chat" or "sms" or "telegram personal-message" or "whatsapp message" => Channel.Chat,
            var t when t is not null && (t.StartsWith("twitter", StringComparison.Ordinal) || t.StartsWith("facebook", StringComparison.Ordinal)) => Channel.Social,
            _ => Channel.Web,
        };

    /// <summary>A reference Zammad sends as an object with a name (its default payload) or as the name itself.</summary>
    private static string? Named(JsonElement ticket, string name) =>
        ticket.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? Text(value, "name") : Text(ticket, name);

    /// <summary>Tags as a list, or comma-separated as a custom payload's placeholder gives them.</summary>
    private static IEnumerable<string> Tags(JsonElement ticket) =>
        !ticket.TryGetProperty("tags", out var tags) ? []
        : tags.ValueKind == JsonValueKind.Array ? tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!)
        : tags.ValueKind == JsonValueKind.String ? tags.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        : [];

    /// <summary>Articles are often HTML: what the analyzer reads is its text, without markup or entities.</summary>
    private static string? PlainText(string? body, string? contentType) =>
        body is null || contentType?.Contains("html", StringComparison.OrdinalIgnoreCase) != true
            ? body
            : WebUtility.HtmlDecode(Whitespace().Replace(Markup().Replace(body, " "), " ")).Trim();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private readonly record struct Happened(InteractionKind Kind, TicketRequest Ticket, DateTimeOffset? At);
}
