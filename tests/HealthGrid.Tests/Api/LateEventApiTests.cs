using System.Net;
using HealthGrid.Api.Auth;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.JourneyStages;
using HealthGrid.Grains.Activity;
using HealthGrid.Grains.Projections;
using HealthGrid.Tests.Infrastructure;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Api;

/// <summary>
/// The scenario of a helpdesk that syncs late: a ticket opened and answered 20 minutes ago arrives as two
/// events. The first fires the first-response breach (the deadline has passed on what is known); the
/// reply, which happened before the deadline, takes it back — pushed to the dashboard like any change —
/// and the case, the stage's SLA compliance and the customer's health all count the response as met.
/// </summary>
public sealed class LateEventApiTests : IAsyncLifetime
{
    // A silo of its own: the stage's SLA tallies then hold this test's clocks only.
    private InProcessSilo silo = null!;

    public async Task InitializeAsync() => silo = await InProcessSilo.StartAsync();

    public async Task DisposeAsync() => await silo.DisposeAsync();

    [Fact]
    public async Task A_reply_that_arrives_after_the_breach_it_prevented_retracts_it_everywhere()
    {
        var (team, agent, ticket) = (NewId("team"), NewId("agent"), NewId("T"));
        await using var dashboard = await DashboardClient.ConnectAsync(silo.BaseAddress,
            DashboardClient.TokenFor(silo, new TokenRequest(agent, "Agent", [HealthGridRoles.Supervisor], Teams: [team])));
        var customer = await CreateCustomerAsync(silo.Http, await CreateAccountAsync(silo.Http));
        var openedAt = DateTimeOffset.UtcNow.AddMinutes(-20);

        await PostAsync(Ticket(customer, "ticket_opened", ticket, assignee: agent, team: team, at: openedAt));
        var (breach, _) = await dashboard.WaitForAsync(a => a.CaseId == ticket && a.Type == AlertType.SlaBreach);
        Assert.Equal(SlaMetric.FirstResponse, breach.Metric);
        Assert.Equal((0, 1), Counted(await StageAsync()));
        Assert.True(SlaBreachComponent(await silo.Http.GetJsonAsync<CustomerView>($"/api/v1/customers/{customer}")) < 100);

        var answeredAt = openedAt.AddMinutes(10);
        await PostAsync(Ticket(customer, "ticket_updated", ticket, severity: null, assignee: agent, team: team, author: "agent", at: answeredAt));

        var (retracted, _) = await dashboard.WaitForAsync(a => a.Id == breach.Id && a.State == AlertState.Resolved);
        Assert.Equal((AlertResolutions.LateData, AlertResolutions.System), (retracted.ResolvedReason, retracted.ResolvedBy));
        var firstResponse = (await silo.Http.GetJsonAsync<CaseView>($"/api/v1/cases/{ticket}")).Clocks.Single(c => c.Metric == SlaMetric.FirstResponse);
        Assert.Equal((ClockState.Met, answeredAt, (DateTimeOffset?)null), (firstResponse.State, firstResponse.CompletedAt!.Value, firstResponse.BreachedAt));
        Assert.Equal(TimeSpan.FromMinutes(10), firstResponse.Elapsed);

        // Met: the first response (taken back from breached) and the periodic update the answer gave.
        Assert.Equal((2, 0), Counted(await StageAsync()));
        Assert.Equal(100, SlaBreachComponent(await silo.Http.GetJsonAsync<CustomerView>($"/api/v1/customers/{customer}")), 6);
    }

    private static (int Met, int Breached) Counted(JourneyStageView stage) => (stage.Sla.Met, stage.Sla.Breached);

    private static double SlaBreachComponent(CustomerView view) => view.Health.Components.Single(c => c.Component == HealthComponent.SlaBreaches).Value;

    /// <summary>The support stage once this silo's tallies reached it (the aggregator's pass and the projection flush, run now and awaited).</summary>
    private async Task<JourneyStageView> StageAsync()
    {
        await silo.Service<ActivityAggregator>().RunNowAsync();
        await silo.Service<ProjectionPublisher>().FlushAsync();
        return await silo.Http.GetJsonAsync<JourneyStageView>("/api/v1/journey-stages/support");
    }

    private async Task PostAsync(Dictionary<string, object?> body)
    {
        using var response = await silo.Http.PostJsonAsync("/api/v1/events", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
