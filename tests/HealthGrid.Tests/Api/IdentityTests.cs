using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HealthGrid.Api.Identity;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Identity;
using HealthGrid.Domain.Ingest;
using HealthGrid.GrainInterfaces.Ingest;
using HealthGrid.Tests.Infrastructure;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Api;

/// <summary>
/// The identity map: one external identifier, one customer (a conflicting mapping refused naming both);
/// an event whose customer cannot be resolved is parked, listed with its reason, and applied exactly
/// once when a mapping resolves it.
/// </summary>
[Collection(EmbeddedSiloCollection.Name)]
public sealed class IdentityTests(EmbeddedSiloFixture fixture)
{
    private HttpClient Http => fixture.Silo.Http;

    [Fact]
    public async Task A_parked_event_is_listed_with_its_reason_and_applied_once_when_its_identifier_is_mapped()
    {
        var customer = await CreateCustomerAsync(Http, await CreateAccountAsync(Http));
        var org = NewId("org");
        var domain = NewId("dom") + ".example";
        var survey = External(org, domain);

        var outcome = (await Ingest().IngestAsync([survey, survey]))[0];

        Assert.Equal(IngestStatus.Parked, outcome.Status);
        Assert.Contains($"zendesk-org:eu/{org}", outcome.Reason, StringComparison.Ordinal);
        var parked = await ParkedAsync(survey.Event.EventId);
        Assert.Equal(("survey", "zendesk:eu"), (parked.Kind, parked.Source));
        Assert.Equal([$"zendesk-org:eu/{org}", $"email-domain/{domain}"], parked.Refs);
        Assert.Contains("no customer is mapped", parked.Reason, StringComparison.Ordinal);
        Assert.Empty(await SurveysAsync(customer));

        // The second identifier resolves it: applied once, gone from the parking.
        using var mapped = await Http.PutAsJsonAsync($"/api/v1/identities/email-domain/{domain}", new { customerId = customer });
        Assert.Equal(HttpStatusCode.Created, mapped.StatusCode);
        Assert.Equal(1, (int)(await mapped.Content.ReadFromJsonAsync<JsonObject>())!["applied"]!);
        Assert.Single(await SurveysAsync(customer));
        Assert.DoesNotContain((await Http.GetFromJsonAsync<ParkedViewPage>("/api/v1/ingest/parked?limit=500", InProcessSilo.Json))!.Items, p => p.EventId == survey.Event.EventId);

        // Mapping the first identifier too, and the event arriving again, apply nothing twice.
        using var again = await Http.PutAsJsonAsync($"/api/v1/identities/zendesk-org:eu/{org}", new { customerId = customer });
        Assert.Equal(0, (int)(await again.Content.ReadFromJsonAsync<JsonObject>())!["applied"]!);
        Assert.Equal(IngestStatus.Duplicate, (await Ingest().IngestAsync([survey]))[0].Status);
        Assert.Single(await SurveysAsync(customer));
    }

    [Fact]
    public async Task A_mapping_to_another_customer_is_refused_naming_both_and_the_first_stands()
    {
        var account = await CreateAccountAsync(Http);
        var (a, b) = (await CreateCustomerAsync(Http, account), await CreateCustomerAsync(Http, account));
        var crm = NewId("crm");

        using var first = await Http.PutAsJsonAsync($"/api/v1/identities/crm-account/{crm}", new { customerId = a });
        using var same = await Http.PutAsJsonAsync($"/api/v1/identities/crm-account/{crm}", new { customerId = a });
        using var other = await Http.PutAsJsonAsync($"/api/v1/identities/crm-account/{crm}", new { customerId = b });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict), (first.StatusCode, same.StatusCode, other.StatusCode));
        var refusal = (string)(await other.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["externalId"]![0]!;
        Assert.Contains(a, refusal, StringComparison.Ordinal);
        Assert.Contains(b, refusal, StringComparison.Ordinal);
        var listed = (await Http.GetFromJsonAsync<IdentityViewPage>($"/api/v1/identities?scheme=crm-account&customerId={a}", InProcessSilo.Json))!;
        Assert.Contains(listed.Items, m => m.ExternalId == crm);

        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/api/v1/identities/crm-account/{crm}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.DeleteAsync($"/api/v1/identities/crm-account/{crm}")).StatusCode);
        using var afterRemoval = await Http.PutAsJsonAsync($"/api/v1/identities/crm-account/{crm}", new { customerId = b });
        Assert.Equal(HttpStatusCode.Created, afterRemoval.StatusCode);
    }

    [Fact]
    public async Task Bad_mappings_are_refused_by_field()
    {
        using var response = await Http.PutAsJsonAsync("/api/v1/identities/Zendesk Org/x", new { customerId = "nobody-at-all", color = "red" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key).Order();
        Assert.Equal(["color", "customerId", "scheme"], errors);
    }

    [Fact]
    public async Task An_import_maps_each_good_line_applies_what_was_parked_and_reports_each_refused_line()
    {
        var account = await CreateAccountAsync(Http);
        var (a, b) = (await CreateCustomerAsync(Http, account), await CreateCustomerAsync(Http, account));
        var org = NewId("org");
        await Ingest().IngestAsync([External(org, NewId("dom") + ".example")]);
        string[] lines =
        [
            Line("zendesk-org:eu", org, a),
            Line("zendesk-org:eu", org, b),
            Line("crm-account", NewId("crm"), "no-such-customer"),
            "{\"scheme\": 5}",
            Line("crm-account", NewId("crm"), b),
        ];

        using var response = await Http.PostAsync("/api/v1/identities/import", new StringContent(string.Join("\n", lines) + "\n", Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<IdentityImportResult>(InProcessSilo.Json))!;
        Assert.Equal((2, 0, 1), (result.Created, result.Unchanged, result.Applied));
        Assert.Equal([(2, "externalId"), (3, "customerId"), (4, "scheme")], result.Errors.Select(e => (e.Line, e.Field)));
        Assert.Single(await SurveysAsync(a));
    }

    private IIngestGrain Ingest() => fixture.Silo.Grains.GetGrain<IIngestGrain>(0);

    /// <summary>A survey from a Zendesk instance that names its customer by organisation, then by e-mail domain.</summary>
    private static ExternalEvent External(string org, string domain) => new(
        new Interaction
        {
            EventId = NewId("zd"),
            OccurredAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            ReceivedAt = DateTimeOffset.UtcNow,
            Channel = Channel.Survey,
            Kind = InteractionKind.Survey,
            Survey = new SurveyDetails(SurveyType.Csat, 1, null),
        },
        "zendesk:eu",
        [new IdentityRef("zendesk-org:eu", org), new IdentityRef("email-domain", domain)]);

    private static string Line(string scheme, string externalId, string customerId) =>
        System.Text.Json.JsonSerializer.Serialize(new { scheme, externalId, customerId });

    private async Task<ParkedView> ParkedAsync(string eventId) =>
        (await Http.GetFromJsonAsync<ParkedViewPage>("/api/v1/ingest/parked?limit=500", InProcessSilo.Json))!.Items.Single(p => p.EventId == eventId);

    private async Task<ScoreChange[]> SurveysAsync(string customer) =>
        [.. (await Http.GetJsonAsync<ScoreHistoryPage>($"/api/v1/customers/{customer}/score-history")).Items.Where(c => c.Kind == InteractionKind.Survey)];
}
