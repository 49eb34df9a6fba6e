using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HealthGrid.Api.Connectors.Zammad;
using HealthGrid.Domain.Cases;
using HealthGrid.Tests.Infrastructure;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Api.Connectors;

/// <summary>
/// A Zammad instance posting its triggers' default payload to a silo with a connector configured: signed
/// deliveries open and move the case of the customer its organisation is mapped to (an agent's article
/// meets the first response, a customer's starts the next, closing resolves), unsigned or wrongly signed
/// ones are refused, a repeated delivery is a duplicate, an unmapped organisation's ticket is parked.
/// </summary>
public sealed class ZammadWebhookTests : IAsyncLifetime
{
    private const string Token = "zammad-test-signature-token";
    private InProcessSilo silo = null!;

    public async Task InitializeAsync() => silo = await InProcessSilo.StartAsync(
        "--HealthGrid:Connectors:Zammad:0:Id=helpdesk",
        $"--HealthGrid:Connectors:Zammad:0:SignatureToken={Token}",
        "--HealthGrid:Connectors:Zammad:0:CategoriesByTag:billing=billing",
        "--HealthGrid:Connectors:Zammad:0:Team=team-emea");

    public async Task DisposeAsync() => await silo.DisposeAsync();

    [Fact]
    public async Task Signed_deliveries_open_move_and_resolve_the_mapped_customers_case()
    {
        var (ticket, org) = await MappedOrganisationAsync();

        Assert.Equal("accepted", await PostAsync(Golden("ticket-created.json", ticket, org, minutesAgo: 10)));
        var opened = await CaseAsync(ticket);
        Assert.Equal(("team-emea", "billing", ClockState.Running), (opened.Team, opened.Category, Clock(opened, SlaMetric.FirstResponse)));

        Assert.Equal("accepted", await PostAsync(Golden("article-agent.json", ticket, org, minutesAgo: 5)));
        Assert.Equal(ClockState.Met, Clock(await CaseAsync(ticket), SlaMetric.FirstResponse));

        Assert.Equal("accepted", await PostAsync(Golden("article-customer.json", ticket, org, minutesAgo: 3)));
        Assert.Equal(ClockState.Running, Clock(await CaseAsync(ticket), SlaMetric.NextResponse));

        // Zammad retries a delivery that failed: the same article is applied once.
        Assert.Equal("duplicate", await PostAsync(Golden("article-customer.json", ticket, org, minutesAgo: 3)));
        Assert.Equal("ignored", await PostAsync(Golden("article-internal.json", ticket, org, minutesAgo: 2)));

        Assert.Equal("accepted", await PostAsync(Golden("state-closed.json", ticket, org, minutesAgo: 1)));
        Assert.Equal(CaseStatus.Resolved, (await CaseAsync(ticket)).Status);
    }

    [Fact]
    public async Task Deliveries_not_signed_with_the_token_are_refused_and_change_nothing()
    {
        var (ticket, org) = await MappedOrganisationAsync();
        var body = Golden("ticket-created.json", ticket, org, minutesAgo: 1);

        using var missing = await SendAsync(body, null);
        using var wrong = await SendAsync(body, ZammadSignature.Sign("not the token", Encoding.UTF8.GetBytes(body)));
        foreach (var refused in new[] { missing, wrong })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("signature", (await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await silo.Http.GetAsync($"/api/v1/cases/zammad:helpdesk:{ticket}")).StatusCode);
        Assert.DoesNotContain(Token, await silo.Http.GetStringAsync("/api/v1/config/connectors"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ticket_of_an_unmapped_organisation_is_parked_and_a_payload_it_cannot_map_is_named()
    {
        var ticket = NewId("t").Replace("-", "", StringComparison.Ordinal);
        Assert.Equal("parked", await PostAsync(Golden("ticket-created.json", ticket, NewId("o"), minutesAgo: 1)));

        var withoutSender = JsonNode.Parse(Golden("article-agent.json", ticket, "1", minutesAgo: 1))!;
        withoutSender["article"]!.AsObject().Remove("sender");
        using var broken = await SendAsync(withoutSender.ToJsonString(), sign: true);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(["article.sender"], (await broken.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));
    }

    /// <summary>A fresh ticket id and an organisation mapped to a fresh customer.</summary>
    private async Task<(string Ticket, string Org)> MappedOrganisationAsync()
    {
        var customer = await CreateCustomerAsync(silo.Http, await CreateAccountAsync(silo.Http));
        var org = NewId("o");
        (await silo.Http.PutJsonAsync($"/api/v1/identities/zammad-org:helpdesk/{org}", new { customerId = customer })).EnsureSuccessStatusCode();
        return (NewId("t").Replace("-", "", StringComparison.Ordinal), org);
    }

    /// <summary>A golden payload for this test's ticket and organisation, its times moved to some minutes ago.</summary>
    private static string Golden(string file, string ticket, string org, int minutesAgo)
    {
        var at = At(DateTimeOffset.UtcNow.AddMinutes(-minutesAgo));
        var json = JsonNode.Parse(ZammadMappingTests.Golden(file))!.AsObject();
        json["ticket"]!["id"] = ticket;
        json["ticket"]!["organization_id"] = org;
        json["ticket"]!["updated_at"] = at;
        if (json["article"] is JsonObject article)
        {
            article["created_at"] = at;
        }

        return json.ToJsonString();
    }

    private async Task<string> PostAsync(string body)
    {
        using var response = await SendAsync(body, sign: true);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["status"]!.GetValue<string>();
    }

    private Task<HttpResponseMessage> SendAsync(string body, bool sign) => SendAsync(body, sign ? ZammadSignature.Sign(Token, Encoding.UTF8.GetBytes(body)) : null);

    private Task<HttpResponseMessage> SendAsync(string body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/connectors/zammad/helpdesk") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add(ZammadSignature.Header, signature);
        }

        // The helpdesk holds no token of ours: the signature is its credential.
        return new HttpClient { BaseAddress = silo.BaseAddress }.SendAsync(request);
    }

    private Task<CaseView> CaseAsync(string ticket) => silo.Http.GetJsonAsync<CaseView>($"/api/v1/cases/zammad:helpdesk:{ticket}");

    private static ClockState Clock(CaseView view, SlaMetric metric) => view.Clocks.Last(c => c.Metric == metric).State;
}
