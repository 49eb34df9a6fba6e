using System.Text;
using System.Text.Json;
using HealthGrid.Api.Connectors;
using HealthGrid.Api.Connectors.Zammad;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Connectors;
using HealthGrid.Domain.Ingest;
using HealthGrid.Tests.Infrastructure;

namespace HealthGrid.Tests.Api.Connectors;

/// <summary>
/// Zammad's default webhook payload (golden files written from Zammad's "Webhook Payload" reference: a
/// ticket with its article) onto the event contract, and its X-Hub-Signature scheme.
/// </summary>
public sealed class ZammadMappingTests
{
    private const string Token = "zammad-hmac-sha1-signature-token";

    private static readonly ZammadConnectorSettings Helpdesk = new()
    {
        Id = "helpdesk",
        SignatureToken = Token,
        CategoriesByTag = new() { ["billing"] = "billing" },
        Team = "team-support",
        TeamsByGroup = new() { ["Billing"] = "team-billing" },
    };

    [Fact]
    public void The_first_article_opens_a_case_scoped_by_the_connector_named_by_organisation_customer_then_domain()
    {
        var mapped = Map("ticket-created.json");

        var e = mapped.Event!;
        Assert.Equal(("zammad.helpdesk.81.article.104", InteractionKind.TicketOpened, Channel.Email), (e.EventId, e.Kind.Value, e.Channel.Value));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero), e.OccurredAt);
        Assert.Equal(("zammad:helpdesk:81", Severity.High, "billing", "team-billing"), (e.Ticket!.TicketId, e.Ticket.Severity.Value, e.Ticket.Category, e.Ticket.Team));
        Assert.Equal("Hello, we were charged twice for November. Please refund one of the payments.", e.Ticket.Text);
        Assert.Equal(["zammad-org:helpdesk/3", "zammad-user:helpdesk/8", "email-domain/example.com"], mapped.Refs.Select(r => $"{r.Scheme}/{r.ExternalId}"));
    }

    [Fact]
    public void An_agents_article_answers_the_customer_at_the_time_it_was_written_and_a_customers_is_owed_an_answer()
    {
        var agent = Map("article-agent.json").Event!;
        Assert.Equal((InteractionKind.TicketUpdated, MessageDirection.Agent), (agent.Kind.Value, agent.Ticket!.Author!.Value));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 9, 5, 0, TimeSpan.Zero), agent.OccurredAt);
        Assert.Equal("We are looking into the double charge now & will refund it today.", agent.Ticket.Text);

        var customer = Map("article-customer.json").Event!;
        Assert.Equal((InteractionKind.TicketUpdated, MessageDirection.Customer, "zammad.helpdesk.81.article.106"), (customer.Kind.Value, customer.Ticket!.Author!.Value, customer.EventId));
    }

    [Fact]
    public void An_internal_note_is_ignored_and_state_changes_move_the_case()
    {
        Assert.NotNull(Map("article-internal.json").Ignored);

        var pending = Map("state-pending.json").Event!;
        Assert.Equal((InteractionKind.TicketUpdated, CaseStatus.WaitingOnCustomer), (pending.Kind.Value, pending.Ticket!.Status!.Value));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 9, 10, 0, TimeSpan.Zero), pending.OccurredAt);

        var closed = Map("state-closed.json").Event!;
        Assert.Equal(InteractionKind.TicketResolved, closed.Kind.Value);
        Assert.StartsWith("zammad.helpdesk.81.state.closed.", closed.EventId, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "ticket")]
    [InlineData("""{"ticket": {"updated_at": "2026-12-07T09:00:00Z"}}""", "ticket.id")]
    [InlineData("""{"ticket": {"id": 1, "updated_at": "yesterday"}}""", "ticket.updated_at")]
    [InlineData("""{"ticket": {"id": 1, "updated_at": "2026-12-07T09:00:00Z"}, "article": {"id": 2, "created_at": "2026-12-07T09:00:00Z", "internal": false}}""", "article.sender")]
    [InlineData("""{"ticket": {"id": 1, "updated_at": "2026-12-07T09:00:00Z"}, "article": {"id": 2, "sender": "Agent", "created_at": "2026-12-07T09:00:00Z"}}""", "article.internal")]
    public void A_payload_it_cannot_map_is_refused_at_the_field(string payload, string field)
    {
        var errors = new FieldErrors();
        Assert.Null(ZammadMapping.Map(JsonDocument.Parse(payload).RootElement, Helpdesk, errors));
        Assert.Contains(field, errors.ToDictionary().Keys);
    }

    [Fact]
    public void The_signature_is_the_hex_hmac_sha1_of_the_body_under_the_token()
    {
        var body = Encoding.UTF8.GetBytes(Golden("ticket-created.json"));
        var header = ZammadSignature.Sign(Token, body);

        Assert.Matches("^sha1=[0-9a-f]{40}$", header);
        Assert.Equal(WebhookSignature.Valid, ZammadSignature.Verify(Token, header, body));
        Assert.Equal(WebhookSignature.Invalid, ZammadSignature.Verify("another token", header, body));
        Assert.Equal(WebhookSignature.Invalid, ZammadSignature.Verify(Token, header, [.. body, (byte)' ']));
        Assert.Equal(WebhookSignature.Invalid, ZammadSignature.Verify(Token, "sha1=not-hex", body));
        Assert.Equal(WebhookSignature.Missing, ZammadSignature.Verify(Token, null, body));
    }

    internal static string Golden(string file) => File.ReadAllText(Repository.PathOf("tests", "HealthGrid.Tests", "Api", "Connectors", "Zammad", file));

    private static ConnectorEvent Map(string file)
    {
        var errors = new FieldErrors();
        var mapped = ZammadMapping.Map(JsonDocument.Parse(Golden(file)).RootElement, Helpdesk, errors);
        Assert.True(errors.IsEmpty, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        return mapped!;
    }
}
