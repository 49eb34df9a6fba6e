using System.Net;
using System.Text.Json.Nodes;
using HealthGrid.Api.Auth;
using HealthGrid.Domain.Audit;
using HealthGrid.Tests.Infrastructure;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Postgres;

/// <summary>The export holds every event's text of one customer and nothing of another's; it is authorized like the customer's cases and audited.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CustomerExportTests(PostgresServer server)
{
    [Fact]
    public async Task The_export_has_every_text_of_the_customer_and_nothing_of_another()
    {
        var connectionString = await PostgresDatabase.CreateMigratedAsync(server);
        await using var silo = await PostgresDatabase.StartSiloAsync(connectionString);
        var http = silo.Http;
        var account = await CreateAccountAsync(http);
        var (customer, other) = (await CreateCustomerAsync(http, account), await CreateCustomerAsync(http, await CreateAccountAsync(http)));
        var survey = Survey(customer, "nps", 3);
        survey["survey"] = new { type = "nps", score = 3, verbatim = "Support answered slowly in November." };
        var ticket = NewId("T");
        Dictionary<string, object?>[] events =
        [
            Message(customer, "Where is my refund for the September invoice?"),
            survey,
            Complaint(customer),
            Ticket(customer, "ticket_opened", ticket),
            Message(other, "Another customer's secret words."),
        ];
        foreach (var e in events)
        {
            (await http.PostJsonAsync("/api/v1/events", e)).EnsureSuccessStatusCode();
        }

        await Eventually.Until(() => http.GetAsync($"/api/v1/cases/{ticket}"), r => r.StatusCode == HttpStatusCode.OK, what: "the case");

        using var response = await http.GetAsync($"/api/v1/customers/{customer}/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"healthgrid-customer-{customer}.json", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        var export = JsonNode.Parse(text)!.AsObject();

        Assert.Equal(customer, (string)export["customerId"]!);
        Assert.Equal(customer, (string)export["customer"]!["profile"]!["id"]!);
        var exported = export["events"]!.AsArray();
        Assert.Equal(["message", "survey", "complaint", "ticket_opened"], exported.Select(e => (string)e!["event"]!["kind"]!).Where(k => k is "message" or "survey" or "complaint" or "ticket_opened"));
        foreach (var words in new[] { "Where is my refund for the September invoice?", "Support answered slowly in November.", "We were charged twice." })
        {
            Assert.Contains(words, text, StringComparison.Ordinal);
        }

        Assert.Contains(export["cases"]!.AsArray(), c => (string)c!["id"]! == ticket);
        Assert.NotEmpty(export["scoreHistory"]!.AsArray());
        Assert.DoesNotContain(other, text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret words", text, StringComparison.Ordinal);

        var audited = (await http.GetJsonAsync<HealthGrid.Domain.Audit.AuditPage>($"/api/v1/audit?action={AuditActions.Export}")).Items;
        Assert.Equal([(TestAuth.Admin.Subject, $"customer/{customer}")], audited.Select(e => (e.Actor, e.Object)));

        using var manager = silo.ClientAs(new TokenRequest("am-test", "Avery", [HealthGridRoles.AccountManager], Accounts: [account]));
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/customers/{customer}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/customers/{other}/export")).StatusCode);
        using var planner = silo.ClientAs(new TokenRequest("planner", "Pat", [HealthGridRoles.ContinuityPlanner]));
        Assert.Equal(HttpStatusCode.NotFound, (await planner.GetAsync($"/api/v1/customers/{customer}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/v1/customers/nobody/export")).StatusCode);
    }
}
