using System.Text;
using System.Text.Json;
using HealthGrid.Api.Connectors;
using HealthGrid.Api.Connectors.Zendesk;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Connectors;
using HealthGrid.Domain.Ingest;
using HealthGrid.Tests.Infrastructure;

namespace HealthGrid.Tests.Api.Connectors;

/// <summary>
/// Zendesk's payloads (golden files written from Zendesk's webhook reference: ticket events and the
/// satisfaction trigger body HealthGrid documents) onto the event contract, and the signature scheme.
/// </summary>
public sealed class ZendeskMappingTests
{
    private const string Secret = "dGhpcyBpcyBhIHplbmRlc2sgc2lnbmluZyBzZWNyZXQ=";

    private static readonly ZendeskConnectorSettings Eu = new()
    {
        Id = "eu",
        SigningSecret = Secret,
        CategoriesByTag = new() { ["billing"] = "billing", ["delivery-late"] = "delivery" },
        Team = "team-support",
        TeamsByGroup = new() { ["360001"] = "team-billing" },
    };

    [Fact]
    public void A_created_ticket_opens_a_case_scoped_by_the_connector_named_by_organisation_then_requester()
    {
        var mapped = Map("ticket-created.json");

        var e = mapped.Event!;
        Assert.Equal(("zendesk.eu.0f9f5a5e-1c1d-4d52-9d4e-5b0d7a1c2e01", InteractionKind.TicketOpened, Channel.Email), (e.EventId, e.Kind.Value, e.Channel.Value));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 9, 0, 0, 123, TimeSpan.Zero).AddTicks(4567), e.OccurredAt);
        Assert.Equal(("zendesk:eu:5158", Severity.High, "billing", "team-billing"), (e.Ticket!.TicketId, e.Ticket.Severity.Value, e.Ticket.Category, e.Ticket.Team));
        Assert.StartsWith("Our invoices show every charge twice.", e.Ticket.Text, StringComparison.Ordinal);
        Assert.Null(e.CustomerId);
        Assert.Equal(["zendesk-org:eu/39021", "zendesk-user:eu/7712"], mapped.Refs.Select(r => r.ToString()));
    }

    [Fact]
    public void A_public_comment_is_the_agents_answer_or_the_customers_turn_and_an_internal_note_is_ignored()
    {
        var agent = Map("comment-agent.json").Event!;
        var customer = Map("comment-customer.json").Event!;

        Assert.Equal((InteractionKind.TicketUpdated, MessageDirection.Agent), (agent.Kind.Value, agent.Ticket!.Author.Value));
        Assert.Equal((InteractionKind.TicketUpdated, MessageDirection.Customer), (customer.Kind.Value, customer.Ticket!.Author.Value));
        Assert.Equal("Still charged twice this morning!", customer.Ticket.Text);
        Assert.Contains("ticket.comment_added", Map("comment-internal.json").Ignored ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Status_priority_and_tags_move_the_case()
    {
        Assert.Equal(InteractionKind.TicketResolved, Map("status-solved.json").Event!.Kind.Value);
        Assert.Equal(CaseStatus.WaitingOnCustomer, Map("status-pending.json").Event!.Ticket!.Status.Value);
        Assert.Equal(Severity.Critical, Map("priority-changed.json").Event!.Ticket!.Severity.Value);
        Assert.Equal("delivery", Map("tags-changed.json").Event!.Ticket!.Category);
    }

    [Fact]
    public void A_satisfaction_rating_is_a_csat_survey_named_also_by_the_requesters_domain()
    {
        var mapped = Map("satisfaction.json");

        var survey = mapped.Event!.Survey!;
        Assert.Equal((SurveyType.Csat, 1, "Took far too long."), (survey.Type.Value, survey.Score, survey.Verbatim));
        Assert.Equal(["zendesk-org:eu/39021", "zendesk-user:eu/7712", "email-domain/acme.example"], mapped.Refs.Select(r => r.ToString()));
    }

    [Fact]
    public void Other_event_types_are_ignored_and_what_cannot_be_mapped_is_named()
    {
        Assert.NotNull(Map("organization-created.json").Ignored);

        var errors = new FieldErrors();
        var broken = JsonDocument.Parse(Golden("comment-agent.json").Replace("\"id\": \"5158\"", "\"id\": \"\"", StringComparison.Ordinal)).RootElement;
        Assert.Null(ZendeskMapping.Map(broken, Eu, errors));
        Assert.Equal(["detail.id"], errors.ToDictionary().Keys);

        var badRating = new FieldErrors();
        ZendeskMapping.Map(JsonDocument.Parse(Golden("satisfaction.json").Replace("\"bad\"", "\"meh\"", StringComparison.Ordinal)).RootElement, Eu, badRating);
        Assert.Equal(["rating"], badRating.ToDictionary().Keys);
    }

    [Fact]
    public void The_signature_is_valid_only_for_the_same_body_secret_and_a_recent_timestamp()
    {
        var body = Encoding.UTF8.GetBytes(Golden("ticket-created.json"));
        var at = new DateTimeOffset(2026, 12, 7, 9, 0, 5, TimeSpan.Zero);
        var (timestamp, signature) = ZendeskSignature.Sign(Secret, at, body);
        var tolerance = TimeSpan.FromMinutes(5);

        Assert.Equal(WebhookSignature.Valid, ZendeskSignature.Verify(Secret, timestamp, signature, body, at.AddMinutes(2), tolerance));
        Assert.Equal(WebhookSignature.Invalid, ZendeskSignature.Verify("another secret", timestamp, signature, body, at, tolerance));
        Assert.Equal(WebhookSignature.Invalid, ZendeskSignature.Verify(Secret, timestamp, signature, [.. body, (byte)' '], at, tolerance));
        Assert.Equal(WebhookSignature.Invalid, ZendeskSignature.Verify(Secret, timestamp, "not base64!", body, at, tolerance));
        Assert.Equal(WebhookSignature.Missing, ZendeskSignature.Verify(Secret, null, signature, body, at, tolerance));
        Assert.Equal(WebhookSignature.Stale, ZendeskSignature.Verify(Secret, timestamp, signature, body, at.AddMinutes(6), tolerance));
    }

    internal static string Golden(string file) => File.ReadAllText(Repository.PathOf("tests", "HealthGrid.Tests", "Api", "Connectors", "Zendesk", file));

    private static ConnectorEvent Map(string file)
    {
        var errors = new FieldErrors();
        var mapped = ZendeskMapping.Map(JsonDocument.Parse(Golden(file)).RootElement, Eu, errors);
        Assert.True(errors.IsEmpty, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        return mapped!;
    }
}
