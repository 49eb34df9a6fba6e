using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HealthGrid.Api.Connectors.Zendesk;
using HealthGrid.Domain.Cases;
using HealthGrid.Tests.Infrastructure;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Api.Connectors;

/// <summary>
/// A Zendesk instance posting to a silo with a connector configured: signed requests open and move
/// cases of the customer its organisation is mapped to (an agent's comment meets the first response, a
/// customer's starts the next), unsigned, wrongly signed and stale ones are refused, a retried delivery is
/// a duplicate, and a ticket of an organisation nobody mapped is parked.
/// </summary>
public sealed class ZendeskWebhookTests : IAsyncLifetime
{
    private const string Secret = "zendesk-test-signing-secret";
    private InProcessSilo silo = null!;

    public async Task InitializeAsync() => silo = await InProcessSilo.StartAsync(
        "--HealthGrid:Connectors:Zendesk:0:Id=eu",
        $"--HealthGrid:Connectors:Zendesk:0:SigningSecret={Secret}",
        "--HealthGrid:Connectors:Zendesk:0:CategoriesByTag:billing=billing",
        "--HealthGrid:Connectors:Zendesk:0:Team=team-emea");

    public async Task DisposeAsync() => await silo.DisposeAsync();

    [Fact]
    public async Task Signed_ticket_events_open_and_move_the_mapped_customers_case()
    {
        var (ticket, org) = await MappedOrganisationAsync();

        Assert.Equal("accepted", await PostAsync(Golden("ticket-created.json", ticket, org, minutesAgo: 10)));
        var opened = await CaseAsync(ticket);
        Assert.Equal(("team-emea", "billing", ClockState.Running), (opened.Team, opened.Category, Clock(opened, SlaMetric.FirstResponse)));

        Assert.Equal("accepted", await PostAsync(Golden("comment-agent.json", ticket, org, minutesAgo: 5)));
        Assert.Equal(ClockState.Met, Clock(await CaseAsync(ticket), SlaMetric.FirstResponse));

        Assert.Equal("accepted", await PostAsync(Golden("comment-customer.json", ticket, org, minutesAgo: 2)));
        Assert.Equal(ClockState.Running, Clock(await CaseAsync(ticket), SlaMetric.NextResponse));

        // Zendesk retries a delivery it did not see answered: the same event is applied once.
        Assert.Equal("duplicate", await PostAsync(Golden("comment-customer.json", ticket, org, minutesAgo: 2)));
        Assert.Equal("ignored", await PostAsync(Golden("comment-internal.json", ticket, org, minutesAgo: 1)));
    }

    [Fact]
    public async Task Requests_not_signed_by_the_connector_are_refused_and_change_nothing()
    {
        var (ticket, org) = await MappedOrganisationAsync();
        var body = Golden("ticket-created.json", ticket, org, minutesAgo: 1);

        using var missing = await SendAsync(body, null);
        using var wrong = await SendAsync(body, ZendeskSignature.Sign("not the secret", DateTimeOffset.UtcNow, Encoding.UTF8.GetBytes(body)));
        using var stale = await SendAsync(body, ZendeskSignature.Sign(Secret, DateTimeOffset.UtcNow.AddMinutes(-10), Encoding.UTF8.GetBytes(body)));
        using var unknown = await silo.Http.PostAsync("/api/v1/connectors/zendesk/nowhere", new StringContent(body, Encoding.UTF8, "application/json"));

        foreach (var refused in new[] { missing, wrong, stale })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("signature", (await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));
        }

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await silo.Http.GetAsync($"/api/v1/cases/zendesk:eu:{ticket}")).StatusCode);
    }

    [Fact]
    public async Task The_signing_secret_is_write_only()
    {
        var area = await silo.Http.GetStringAsync("/api/v1/config/connectors");
        Assert.DoesNotContain(Secret, area, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"eu\"", area, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ticket_of_an_unmapped_organisation_is_parked_and_a_payload_it_cannot_map_is_named()
    {
        var ticket = NewId("t").Replace("-", "", StringComparison.Ordinal);
        var org = NewId("o").Replace("-", "", StringComparison.Ordinal);

        Assert.Equal("parked", await PostAsync(Golden("ticket-created.json", ticket, org, minutesAgo: 1)));

        var withoutTicket = JsonNode.Parse(Golden("comment-agent.json", ticket, org, minutesAgo: 1))!;
        withoutTicket["detail"]!["id"] = "";
        using var broken = await SendSignedAsync(withoutTicket.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(["detail.id"], (await broken.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));
    }

    /// <summary>A fresh ticket id and an organisation mapped to a fresh customer.</summary>
    private async Task<(string Ticket, string Org)> MappedOrganisationAsync()
    {
        var customer = await CreateCustomerAsync(silo.Http, await CreateAccountAsync(silo.Http));
        var org = NewId("o").Replace("-", "", StringComparison.Ordinal);
        (await silo.Http.PutJsonAsync($"/api/v1/identities/zendesk-org:eu/{org}", new { customerId = customer })).EnsureSuccessStatusCode();
        return (NewId("t").Replace("-", "", StringComparison.Ordinal), org);
    }

    /// <summary>A golden payload for this test's ticket and organisation, with its event id made unique and its times moved to now.</summary>
    private static string Golden(string file, string ticket, string org, int minutesAgo)
    {
        var at = At(DateTimeOffset.UtcNow.AddMinutes(-minutesAgo));
        var json = JsonNode.Parse(ZendeskMappingTests.Golden(file))!.AsObject();
        json["id"] = $"{json["id"]}-{ticket}";
        json["time"] = at;
        json["detail"]!["id"] = ticket;
        json["detail"]!["organization_id"] = org;
        return json.ToJsonString();
    }

    private async Task<string> PostAsync(string body)
    {
        using var response = await SendSignedAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["status"]!.GetValue<string>();
    }

    private Task<HttpResponseMessage> SendSignedAsync(string body) => SendAsync(body, ZendeskSignature.Sign(Secret, DateTimeOffset.UtcNow, Encoding.UTF8.GetBytes(body)));

    private Task<HttpResponseMessage> SendAsync(string body, (string Timestamp, string Signature)? signed)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/connectors/zendesk/eu") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signed is { } s)
        {
            request.Headers.Add(ZendeskSignature.TimestampHeader, s.Timestamp);
            request.Headers.Add(ZendeskSignature.SignatureHeader, s.Signature);
        }

        // The helpdesk holds no token: the signature is its credential.
        request.Headers.Authorization = null;
        return new HttpClient { BaseAddress = silo.BaseAddress }.SendAsync(request);
    }

    private Task<CaseView> CaseAsync(string ticket) =>
        Eventually.Until(() => silo.Http.GetJsonAsync<CaseView>($"/api/v1/cases/zendesk:eu:{ticket}"), c => c is not null, what: "the case");

    private static ClockState Clock(CaseView view, SlaMetric metric) => view.Clocks.Single(c => c.Metric == metric).State;
}
