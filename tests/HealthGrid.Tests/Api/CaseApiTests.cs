using System.Net;
using HealthGrid.Domain.Cases;
using HealthGrid.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Api;

[Collection(EmbeddedSiloCollection.Name)]
public sealed class CaseApiTests(EmbeddedSiloFixture fixture)
{
    private HttpClient Http => fixture.Silo.Http;

    private async Task<(string Customer, string Ticket)> OpenTicketAsync(string team = "team-emea", string tier = "gold")
    {
        var customer = await CreateCustomerAsync(Http, await CreateAccountAsync(Http), tier);
        var ticket = NewId("T");
        using var response = await Http.PostJsonAsync("/api/v1/events", Ticket(customer, "ticket_opened", ticket, team: team));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (customer, ticket);
    }

    [Fact]
    public async Task A_ticket_event_opens_a_case_with_live_clocks_and_history()
    {
        var (customer, ticket) = await OpenTicketAsync();

        var view = await Http.GetJsonAsync<CaseView>($"/api/v1/cases/{ticket}");

        Assert.Equal((customer, CaseStatus.Opened, "critical-accounts"), (view.CustomerId, view.Status, view.Policy));
        Assert.Equal(("ana", "team-emea"), (view.Assignee, view.Team));
        Assert.Contains(view.Clocks, c => c.Metric == SlaMetric.FirstResponse && c.State == ClockState.Running && c.DueAt > view.OpenedAt);
        Assert.NotNull(view.NextDueAt);
        Assert.Single(view.History);
    }

    [Fact]
    public async Task Status_changes_from_ticket_events_are_kept_in_the_history()
    {
        var (customer, ticket) = await OpenTicketAsync();
        await PostAsync(Ticket(customer, "ticket_updated", ticket, severity: null, status: "investigating"));
        await PostAsync(Ticket(customer, "ticket_updated", ticket, severity: null, status: "waiting_on_customer"));

        var view = await Http.GetJsonAsync<CaseView>($"/api/v1/cases/{ticket}");

        Assert.Equal([CaseStatus.Opened, CaseStatus.Investigating, CaseStatus.WaitingOnCustomer], view.History.Select(h => h.To));
        Assert.Equal(SlaState.Paused, view.SlaState);
    }

    [Fact]
    public async Task Acknowledge_then_resolve_through_the_api_records_who_did_it()
    {
        var (_, ticket) = await OpenTicketAsync();

        using var acknowledged = await Http.PostJsonAsync($"/api/v1/cases/{ticket}/acknowledge", new { note = "on it" });
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var afterAck = await acknowledged.ReadAsync<CaseView>();
        Assert.Equal(CaseStatus.Acknowledged, afterAck.Status);
        Assert.Equal((TestAuth.Admin.Subject, "on it"), (afterAck.History[^1].By, afterAck.History[^1].Note));
        Assert.Equal(ClockState.Met, afterAck.Clocks.First(c => c.Metric == SlaMetric.FirstResponse).State);

        using var resolved = await Http.PostJsonAsync($"/api/v1/cases/{ticket}/resolve", new { });
        var afterResolve = await resolved.ReadAsync<CaseView>();
        Assert.Equal(CaseStatus.Resolved, afterResolve.Status);
        Assert.NotNull(afterResolve.ResolvedAt);

        using var again = await Http.PostJsonAsync($"/api/v1/cases/{ticket}/resolve", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("is not open", (await again.ReadAsync<ProblemDetails>()).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cases_are_listed_by_customer_team_sla_state_and_openness()
    {
        var team = NewId("team");
        var (customer, first) = await OpenTicketAsync(team);
        var second = NewId("T");
        await PostAsync(Ticket(customer, "ticket_opened", second, team: team));
        await Http.PostJsonAsync($"/api/v1/cases/{second}/resolve", new { });

        var byTeam = await Http.GetJsonAsync<CasePage>($"/api/v1/cases?team={team}");
        Assert.Equal(2, byTeam.Total);
        var open = await Http.GetJsonAsync<CasePage>($"/api/v1/cases?team={team}&open=true");
        Assert.Equal([first], open.Items.Select(c => c.Id));
        var byCustomer = await Http.GetJsonAsync<CasePage>($"/api/v1/cases?customerId={customer}&open=false");
        Assert.Equal([second], byCustomer.Items.Select(c => c.Id));
        var onTrack = await Http.GetJsonAsync<CasePage>($"/api/v1/cases?team={team}&slaState=on_track");
        Assert.Equal([first], onTrack.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task A_complaint_opens_a_case_listed_under_its_process_owner()
    {
        var customer = await CreateCustomerAsync(Http, await CreateAccountAsync(Http));
        var complaint = Complaint(customer, "DLV-DAMAGED");
        complaint["complaint"] = new { code = "DLV-DAMAGED", severity = "medium", caseId = NewId("CMP"), team = "returns" };
        await PostAsync(complaint);
        var page = await Http.GetJsonAsync<CasePage>($"/api/v1/cases?customerId={customer}&processOwner=po-fulfilment");
        var view = Assert.Single(page.Items);
        Assert.Equal((CaseOrigin.Complaint, "DLV-DAMAGED", "returns"), (view.Origin, view.Category, view.Team));
    }

    [Fact]
    public async Task Unknown_cases_are_404_and_bad_requests_name_the_field()
    {
        using var missing = await Http.GetAsync("/api/v1/cases/no-such-case");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var missingAction = await Http.PostJsonAsync("/api/v1/cases/no-such-case/acknowledge", new { });
        Assert.Equal(HttpStatusCode.NotFound, missingAction.StatusCode);

        var (_, ticket) = await OpenTicketAsync();
        using var someoneElse = await Http.PostJsonAsync($"/api/v1/cases/{ticket}/acknowledge", new { by = "sam" });
        Assert.Equal(HttpStatusCode.BadRequest, someoneElse.StatusCode);
        Assert.True((await someoneElse.ReadAsync<ValidationProblemDetails>()).Errors.ContainsKey("by"));
        using var unknownField = await Http.PostJsonAsync($"/api/v1/cases/{ticket}/acknowledge", new { reason = "x" });
        Assert.True((await unknownField.ReadAsync<ValidationProblemDetails>()).Errors.ContainsKey("reason"));
        using var badState = await Http.GetAsync("/api/v1/cases?slaState=late&limit=0");
        var errors = (await badState.ReadAsync<ValidationProblemDetails>()).Errors;
        Assert.True(errors.ContainsKey("slaState") && errors.ContainsKey("limit"));

        // Nothing was half-applied by the refused action.
        Assert.Equal(CaseStatus.Opened, (await Http.GetJsonAsync<CaseView>($"/api/v1/cases/{ticket}")).Status);
    }

    [Fact]
    public async Task Ticket_fields_are_checked_and_internal_kinds_cannot_be_posted()
    {
        var customer = await CreateCustomerAsync(Http, await CreateAccountAsync(Http));
        var bad = Ticket(customer, "ticket_resolved", NewId("T"), status: "investigating", team: "no spaces allowed", author: "robot");
        using var response = await Http.PostJsonAsync("/api/v1/events", bad);
        var errors = (await response.ReadAsync<ValidationProblemDetails>()).Errors;
        Assert.True(errors.ContainsKey("ticket.status") && errors.ContainsKey("ticket.team") && errors.ContainsKey("ticket.author"));

        var forged = Survey(customer, "csat", 5);
        forged["kind"] = "sla_timer";
        using var internalKind = await Http.PostJsonAsync("/api/v1/events", forged);
        var kindError = (await internalKind.ReadAsync<ValidationProblemDetails>()).Errors["kind"].Single();
        Assert.Contains("'sla_timer' is not one of", kindError, StringComparison.Ordinal);
        Assert.DoesNotContain("case_action", kindError, StringComparison.Ordinal);
    }

    private async Task PostAsync(Dictionary<string, object?> body)
    {
        using var response = await Http.PostJsonAsync("/api/v1/events", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
