using System.Net;
using HealthGrid.Api.Auth;
using HealthGrid.Domain.Continuity;
using HealthGrid.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Api;

[Collection(EmbeddedSiloCollection.Name)]
public sealed class ContinuityApiTests(EmbeddedSiloFixture fixture)
{
    private static readonly TokenRequest Planner = new("planner-1", "Planner", [HealthGridRoles.ContinuityPlanner]);
    private static readonly TokenRequest Manager = new("am-1", "Manager", [HealthGridRoles.AccountManager], Accounts: ["acct-x"]);

    private InProcessSilo Silo => fixture.Silo;

    [Fact]
    public async Task A_planner_saves_a_scenario_runs_it_watches_the_progress_arrive_and_reads_the_results()
    {
        var (site, customers) = await CustomersOnASiteAsync(3);
        using var http = Silo.ClientAs(Planner);
        await using var dashboard = await DashboardClient.ConnectAsync(Silo.BaseAddress, DashboardClient.TokenFor(Silo, Planner));

        using var created = await http.PostJsonAsync("/api/v1/continuity/scenarios", ScenarioBody(site, hours: 12));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var scenario = await created.ReadAsync<ContinuityScenario>();
        Assert.Equal(created.Headers.Location!.ToString(), $"/api/v1/continuity/scenarios/{scenario.Id}");

        var run = await RunAsync(http, scenario.Id);
        Assert.Equal((3, 3, 3), (run.Candidates, run.AffectedCustomers, run.CustomersBreaching));
        Assert.Equal(300_000m, run.RevenueAtRisk);
        Assert.Equal(3, run.Timeline[4].RecoveryBreaches); // recovery 4 h: every customer breaks in hour 5
        await dashboard.UntilAsync(() => dashboard.Runs.Any(r => r.Id == run.Id && r.Status == RunStatus.Completed), "the completed run pushed to the planner");

        var page = await http.GetJsonAsync<ImpactPage>($"/api/v1/continuity/runs/{run.Id}/customers?limit=2");
        Assert.Equal((3, 2), (page.Total, page.Items.Length));
        Assert.All(page.Items, r => Assert.Contains(r.Impact.CustomerId, customers));
        Assert.Equal([1, 2], page.Items.Select(r => r.Rank));
        Assert.Contains(scenario.Id, (await http.GetJsonAsync<ContinuityRun[]>($"/api/v1/continuity/scenarios/{scenario.Id}/runs")).Select(r => r.ScenarioId));
    }

    [Fact]
    public async Task Cases_are_counted_for_planners_and_named_for_executives()
    {
        var (site, customers) = await CustomersOnASiteAsync(1, alsoBilling: true);
        using var planner = Silo.ClientAs(Planner);
        var scenario = await (await planner.PostJsonAsync("/api/v1/continuity/scenarios", new
        {
            name = "Billing and site down",
            disruptions = new object[] { new { nodes = new object[] { new { type = "site", id = site }, new { type = "process", id = "billing" } }, durationHours = 6 } },
        })).ReadAsync<ContinuityScenario>();
        var run = await RunAsync(planner, scenario.Id);

        // Every customer depending on billing is in this run (other tests' too): find ours.
        var asPlanner = (await planner.GetJsonAsync<ImpactPage>($"/api/v1/continuity/runs/{run.Id}/customers?limit=500")).Items.Single(r => r.Impact.CustomerId == customers[0]);
        Assert.True(asPlanner.Impact.SlaBreachCount > 0);
        Assert.Empty(asPlanner.Impact.SlaBreaches);
        using var executive = Silo.ClientAs(new TokenRequest("exec-1", "Executive", [HealthGridRoles.Executive]));
        var asExecutive = (await executive.GetJsonAsync<ImpactPage>($"/api/v1/continuity/runs/{run.Id}/customers?limit=500")).Items.Single(r => r.Impact.CustomerId == customers[0]);
        Assert.Equal(asPlanner.Impact.SlaBreachCount, asExecutive.Impact.SlaBreaches.Length);
        Assert.All(asExecutive.Impact.SlaBreaches, b => Assert.StartsWith("DISRUPTION-", b.CaseId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_customers_export_as_csv_in_contact_order()
    {
        var (site, customers) = await CustomersOnASiteAsync(2);
        using var http = Silo.ClientAs(Planner);
        var scenario = await (await http.PostJsonAsync("/api/v1/continuity/scenarios", ScenarioBody(site, hours: 2))).ReadAsync<ContinuityScenario>();
        var run = await RunAsync(http, scenario.Id);

        using var response = await http.GetAsync($"/api/v1/continuity/runs/{run.Id}/customers.csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd().Split('\n');
        Assert.StartsWith("rank,customer_id,name,account_id,account_manager,tier", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("1,", lines[1], StringComparison.Ordinal);
        Assert.All(customers, c => Assert.Contains(lines, l => l.Contains(c, StringComparison.Ordinal)));
        Assert.Contains("ops@example.com", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_runs_compare_side_by_side_with_the_customers_that_differ()
    {
        var (site, _) = await CustomersOnASiteAsync(2);
        using var http = Silo.ClientAs(Planner);
        var shortOutage = await (await http.PostJsonAsync("/api/v1/continuity/scenarios", ScenarioBody(site, hours: 2))).ReadAsync<ContinuityScenario>();
        var longOutage = await (await http.PostJsonAsync("/api/v1/continuity/scenarios", ScenarioBody(site, hours: 24))).ReadAsync<ContinuityScenario>();
        var a = await RunAsync(http, shortOutage.Id);
        var b = await RunAsync(http, longOutage.Id);

        var comparison = await http.GetJsonAsync<RunComparison>($"/api/v1/continuity/compare?a={a.Id}&b={b.Id}");
        Assert.Equal((0, 2), (comparison.A.CustomersBreaching, comparison.B.CustomersBreaching));
        Assert.Equal(2, comparison.CustomersDiffering);
        Assert.All(comparison.Customers, d => Assert.Equal((null, 4.0), (d.BreachAfterHoursA, d.BreachAfterHoursB!.Value)));
    }

    [Fact]
    public async Task Invalid_scenarios_are_refused_field_by_field_and_nothing_is_saved()
    {
        using var http = Silo.ClientAs(Planner);
        var before = (await http.GetJsonAsync<ContinuityScenario[]>("/api/v1/continuity/scenarios")).Length;
        using var response = await http.PostJsonAsync("/api/v1/continuity/scenarios", new
        {
            name = "",
            startsAt = DateTimeOffset.UtcNow.AddDays(-1),
            disruptions = new object[]
            {
                new { nodes = new object[] { new { type = "volcano", id = "v" }, new { type = "process", id = "teleportation" } }, durationHours = 4 },
                new { nodes = Array.Empty<object>(), mode = "degraded", degradedPercent = 150 },
                new { nodes = new object[] { new { type = "site", id = "s" } }, durationHours = 2, degradedPercent = 20 },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadAsync<ValidationProblemDetails>()).Errors.Keys;
        Assert.Equal(
            new HashSet<string> { "name", "startsAt", "disruptions[0].nodes[0].type", "disruptions[0].nodes[1].id", "disruptions[1].nodes", "disruptions[1].durationHours", "disruptions[1].degradedPercent", "disruptions[2].degradedPercent" },
            errors.ToHashSet());
        Assert.Equal(before, (await http.GetJsonAsync<ContinuityScenario[]>("/api/v1/continuity/scenarios")).Length);
    }

    [Fact]
    public async Task Unknown_scenarios_and_runs_are_404_and_a_deleted_scenario_takes_its_runs()
    {
        var (site, _) = await CustomersOnASiteAsync(1);
        using var http = Silo.ClientAs(Planner);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/v1/continuity/scenarios/scn-nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("/api/v1/continuity/scenarios/scn-nope/runs", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/v1/continuity/runs/run-nope/customers")).StatusCode);

        var scenario = await (await http.PostJsonAsync("/api/v1/continuity/scenarios", ScenarioBody(site, hours: 1))).ReadAsync<ContinuityScenario>();
        var run = await RunAsync(http, scenario.Id);
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"/api/v1/continuity/scenarios/{scenario.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/v1/continuity/runs/{run.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.DeleteAsync($"/api/v1/continuity/scenarios/{scenario.Id}")).StatusCode);
    }

    [Fact]
    public async Task An_account_manager_is_refused()
    {
        using var http = Silo.ClientAs(Manager);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/v1/continuity/scenarios")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PostJsonAsync("/api/v1/continuity/scenarios", ScenarioBody("s", 1))).StatusCode);
    }

    private static object ScenarioBody(string site, double hours) => new
    {
        name = $"{site} down for {hours} h",
        disruptions = new object[] { new { nodes = new object[] { new { type = "site", id = site } }, durationHours = hours } },
    };

    private Task<ContinuityRun> RunAsync(HttpClient http, string scenarioId) => ContinuityRuns.RunToEndAsync(Silo, http, scenarioId);

    /// <summary>Customers (revenue 100,000 each) depending on a site of their own (recovery 4 h), optionally on billing too.</summary>
    private async Task<(string Site, string[] Customers)> CustomersOnASiteAsync(int count, bool alsoBilling = false)
    {
        var site = NewId("site");
        var account = await CreateAccountAsync(Silo.Http);
        var customers = new string[count];
        for (var i = 0; i < count; i++)
        {
            customers[i] = NewId("cust");
            object[] dependencies = alsoBilling
                ? [new { type = "site", id = site, recoveryHours = 4 }, new { type = "process", id = "billing", recoveryHours = 8 }]
                : [new { type = "site", id = site, recoveryHours = 4 }];
            using var response = await Silo.Http.PutJsonAsync($"/api/v1/customers/{customers[i]}", new
            {
                accountId = account, name = $"Customer {i}", tier = "gold", segment = "enterprise", region = "EU", products = new[] { "payments" },
                criticality = "high", revenue = 100_000, dependencies,
                contacts = new[] { new { name = "Ops lead", role = "operations", email = "ops@example.com", escalationOrder = 1 } },
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        return (site, customers);
    }
}
