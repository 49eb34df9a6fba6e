using System.Net;
using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.ProcessOwners;
using HealthGrid.Domain.Projections;
using HealthGrid.Tests.Infrastructure;

namespace HealthGrid.Tests.Access;

/// <summary>
/// Object-level probes: users scoped to world A ask for world B's account, customer, score history,
/// case and alert, directly and through every list and filter; they get 404s and lists without B.
/// </summary>
[Collection(AccessCollection.Name)]
public sealed class ObjectScopeTests(AccessWorld world)
{
    [Fact]
    public async Task An_account_manager_never_sees_another_managers_account_customers_cases_or_alerts()
    {
        using var manager = world.Silo.ClientAs(world.ManagerA);
        foreach (var path in new[]
        {
            $"/api/v1/accounts/{world.AccountB}", $"/api/v1/customers/{world.CustomerB}", $"/api/v1/customers/{world.CustomerB}/score-history",
            $"/api/v1/cases/{world.CaseB}", $"/api/v1/alerts/{world.AlertB.Id}",
        })
        {
            await AssertNotFoundAsync(manager, HttpMethod.Get, path);
        }

        await AssertNotFoundAsync(manager, HttpMethod.Post, $"/api/v1/cases/{world.CaseB}/acknowledge");
        await AssertNotFoundAsync(manager, HttpMethod.Post, $"/api/v1/alerts/{world.AlertB.Id}/resolve");

        Assert.Equal([world.AccountA], (await manager.GetJsonAsync<AccountProfile[]>("/api/v1/accounts")).Select(a => a.Id));
        Assert.Equal([world.CustomerA], (await manager.GetJsonAsync<CustomerPage>("/api/v1/customers?limit=500")).Items.Select(c => c.Id));
        Assert.Empty((await manager.GetJsonAsync<CustomerPage>($"/api/v1/customers?accountId={world.AccountB}")).Items);
        Assert.Equal([world.CaseA], (await manager.GetJsonAsync<CasePage>("/api/v1/cases?limit=500")).Items.Select(c => c.Id));
        Assert.Empty((await manager.GetJsonAsync<CasePage>($"/api/v1/cases?customerId={world.CustomerB}")).Items);
        var alerts = (await manager.GetJsonAsync<AlertPage>("/api/v1/alerts?limit=500")).Items;
        Assert.Contains(alerts, a => a.Id == world.AlertA.Id);
        Assert.All(alerts, a => Assert.Equal(world.AccountA, a.AccountId));
        Assert.Empty((await manager.GetJsonAsync<AlertPage>($"/api/v1/alerts?audience=team:{world.TeamB}")).Items);
    }

    [Fact]
    public async Task A_supervisor_sees_their_teams_cases_and_alerts_only()
    {
        using var supervisor = world.Silo.ClientAs(world.SupervisorA);
        await AssertNotFoundAsync(supervisor, HttpMethod.Get, $"/api/v1/cases/{world.CaseB}");
        await AssertNotFoundAsync(supervisor, HttpMethod.Get, $"/api/v1/alerts/{world.AlertB.Id}");
        await AssertNotFoundAsync(supervisor, HttpMethod.Post, $"/api/v1/alerts/{world.AlertB.Id}/acknowledge");
        Assert.All((await supervisor.GetJsonAsync<CasePage>("/api/v1/cases?limit=500")).Items, c => Assert.Equal(world.TeamA, c.Team));
        Assert.All((await supervisor.GetJsonAsync<AlertPage>("/api/v1/alerts?limit=500")).Items, a => Assert.Contains(a.Audiences, x => x.Group == $"team:{world.TeamA}"));
        Assert.Contains((await supervisor.GetJsonAsync<AlertPage>("/api/v1/alerts?limit=500")).Items, a => a.Id == world.AlertA.Id);
    }

    [Fact]
    public async Task A_process_owner_sees_their_process_only()
    {
        using var owner = world.Silo.ClientAs(world.BillingOwner);
        await AssertNotFoundAsync(owner, HttpMethod.Get, $"/api/v1/cases/{world.CaseB}");
        await AssertNotFoundAsync(owner, HttpMethod.Get, "/api/v1/process-owners/po-fulfilment");
        Assert.Equal(["po-billing"], (await owner.GetJsonAsync<ProcessOwnerView[]>("/api/v1/process-owners")).Select(o => o.Id));
        var cases = (await owner.GetJsonAsync<CasePage>("/api/v1/cases?limit=500")).Items;
        Assert.Contains(cases, c => c.Id == world.CaseA);
        Assert.All(cases, c => Assert.Equal("po-billing", c.ProcessOwner));
    }

    [Fact]
    public async Task An_executive_and_a_planner_see_every_customer_and_a_planner_no_case()
    {
        using var executive = world.Silo.ClientAs(AccessWorld.Executive);
        using var planner = world.Silo.ClientAs(AccessWorld.Planner);
        foreach (var http in new[] { executive, planner })
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/v1/customers/{world.CustomerB}")).StatusCode);
        }

        Assert.Contains((await executive.GetJsonAsync<CasePage>("/api/v1/cases?limit=500")).Items, c => c.Id == world.CaseB);
        Assert.Equal(HttpStatusCode.Forbidden, (await planner.GetAsync("/api/v1/cases")).StatusCode);
    }

    [Fact]
    public async Task Actions_are_recorded_under_the_signed_in_user()
    {
        using var supervisor = world.Silo.ClientAs(world.SupervisorA);
        using var forged = await supervisor.PostJsonAsync($"/api/v1/cases/{world.CaseA}/acknowledge", new { by = "someone-else" });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var acknowledged = await supervisor.PostJsonAsync($"/api/v1/cases/{world.CaseA}/acknowledge", new { note = "on it" });
        if (acknowledged.StatusCode == HttpStatusCode.OK)
        {
            Assert.Equal(world.SupervisorA.Subject, (await acknowledged.ReadAsync<CaseView>()).History[^1].By);
        }
        else
        {
            // Another test acknowledged it first; whoever it was is a signed-in subject, never a body field.
            Assert.Equal(HttpStatusCode.Conflict, acknowledged.StatusCode);
        }
    }

    private static async Task AssertNotFoundAsync(HttpClient http, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path) { Content = method == HttpMethod.Post ? System.Net.Http.Json.JsonContent.Create(new { }) : null };
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {(int)response.StatusCode} {body}");
        Assert.DoesNotContain("\"id\"", body, StringComparison.Ordinal);
    }
}
