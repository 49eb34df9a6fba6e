using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Live;
using HealthGrid.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Api;

/// <summary>
/// Case and conversation ids belong to the first customer that uses them: another customer's event
/// with one is a 409 naming the field, without naming the owner, and the owner's case or conversation
/// stays where it was.
/// </summary>
[Collection(EmbeddedSiloCollection.Name)]
public sealed class IdIntegrityTests(EmbeddedSiloFixture fixture)
{
    private HttpClient Http => fixture.Silo.Http;

    [Fact]
    public async Task Another_customers_ticket_with_an_open_case_id_is_refused_and_the_case_stays_with_its_owner()
    {
        var (a, b) = await TwoCustomersAsync();
        var ticket = NewId("T");
        (await Http.PostJsonAsync("/api/v1/events", Ticket(a, "ticket_opened", ticket))).EnsureSuccessStatusCode();

        using var refused = await Http.PostJsonAsync("/api/v1/events", Ticket(b, "ticket_opened", ticket));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var text = await refused.Content.ReadAsStringAsync();
        Assert.Contains("ticket.ticketId", JsonNode.Parse(text)!["errors"]!.AsObject().Select(e => e.Key));
        Assert.DoesNotContain(a, text, StringComparison.Ordinal);
        var @case = await Eventually.Until(() => Http.GetJsonAsync<CaseView>($"/api/v1/cases/{ticket}"), c => c is not null, what: "the case");
        Assert.Equal(a, @case.CustomerId);
        Assert.Contains(ticket, (await Http.GetJsonAsync<CasePage>($"/api/v1/cases?customerId={a}")).Items.Select(c => c.Id));
        Assert.Empty((await Http.GetJsonAsync<CasePage>($"/api/v1/cases?customerId={b}")).Items);

        // The owner goes on using it.
        using var update = await Http.PostJsonAsync("/api/v1/events", Ticket(a, "ticket_updated", ticket, severity: null, status: "investigating"));
        Assert.Equal(HttpStatusCode.Accepted, update.StatusCode);
    }

    [Fact]
    public async Task Another_customers_message_in_a_live_conversation_is_refused_and_the_conversation_stays_listed()
    {
        var (a, b) = await TwoCustomersAsync();
        var conversation = NewId("conv");
        (await Http.PostJsonAsync("/api/v1/events", FrustratedLiveMessage(a, "team-emea", conversation))).EnsureSuccessStatusCode();

        using var refused = await Http.PostJsonAsync("/api/v1/events", FrustratedLiveMessage(b, "team-emea", conversation));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("message.interactionId", (await refused.ReadAsync<ValidationProblemDetails>()).Errors.Keys);
        var live = await Http.GetJsonAsync<LiveInteractionView[]>("/api/v1/interactions/live");
        Assert.Equal(a, Assert.Single(live, c => c.Id == conversation).CustomerId);
    }

    [Fact]
    public async Task In_a_batch_only_the_event_with_a_taken_id_is_refused()
    {
        var (a, b) = await TwoCustomersAsync();
        var ticket = NewId("T");
        (await Http.PostJsonAsync("/api/v1/events", Ticket(a, "ticket_opened", ticket))).EnsureSuccessStatusCode();

        using var response = await Http.PostJsonAsync("/api/v1/events/batch", new { events = new object[] { Ticket(b, "ticket_opened", ticket), Ticket(b, "ticket_opened", NewId("T")) } });

        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((1, 1), ((int)result["accepted"]!, (int)result["conflict"]!));
        Assert.Equal("conflict", (string)result["results"]![0]!["status"]!);
        Assert.Contains("ticket.ticketId", result["results"]![0]!["errors"]!.AsObject().Select(e => e.Key));
    }

    /// <summary>Two customers of one account: the owner of an id, and another.</summary>
    private async Task<(string A, string B)> TwoCustomersAsync()
    {
        var account = await CreateAccountAsync(Http);
        return (await CreateCustomerAsync(Http, account), await CreateCustomerAsync(Http, account));
    }
}
