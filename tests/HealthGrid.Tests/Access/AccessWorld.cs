using System.Net;
using HealthGrid.Api.Auth;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Continuity;
using HealthGrid.Tests.Infrastructure;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Access;

/// <summary>
/// Two of everything, for access tests: accounts A and B with a customer each; case A (team A, the
/// billing process) and case B (team B, the fulfilment process); a frustration alert for each team.
/// Users scoped to A (account manager, supervisor, billing process owner), plus one of each other
/// role. The silo runs outside development mode, as in production.
/// </summary>
public sealed class AccessWorld : IAsyncLifetime
{
    public InProcessSilo Silo { get; private set; } = null!;

    public string AccountA { get; private set; } = "";

    public string AccountB { get; private set; } = "";

    public string CustomerA { get; private set; } = "";

    public string CustomerB { get; private set; } = "";

    public string CaseA { get; } = NewId("T");

    public string CaseB { get; } = NewId("T");

    public string TeamA { get; } = NewId("team");

    public string TeamB { get; } = NewId("team");

    public Alert AlertA { get; private set; } = null!;

    public Alert AlertB { get; private set; } = null!;

    /// <summary>A continuity scenario over customer A's billing dependency, and a completed run of it.</summary>
    public string ScenarioA { get; private set; } = "";

    public string RunA { get; private set; } = "";

    private readonly Queue<string> deletableScenarios = new();

    /// <summary>A scenario of its own for each request that deletes one (every role and the anonymous probe).</summary>
    public string DeletableScenario()
    {
        lock (deletableScenarios)
        {
            return deletableScenarios.Dequeue();
        }
    }

    public TokenRequest ManagerA => new("am-a", "Manager A", [HealthGridRoles.AccountManager], Accounts: [AccountA]);

    public TokenRequest ManagerB => new("am-b", "Manager B", [HealthGridRoles.AccountManager], Accounts: [AccountB]);

    public TokenRequest SupervisorA => new("sup-a", "Supervisor A", [HealthGridRoles.Supervisor], Teams: [TeamA]);

    public TokenRequest BillingOwner => new("po-billing-user", "Billing owner", [HealthGridRoles.ProcessOwner], ProcessOwner: "po-billing");

    public static TokenRequest Executive => new("exec", "Executive", [HealthGridRoles.Executive]);

    public static TokenRequest Planner => new("planner", "Planner", [HealthGridRoles.ContinuityPlanner]);

    /// <summary>An ingest service whose token also carries an account claim: the claim must grant nothing.</summary>
    public TokenRequest Ingest => new("ingest", "Helpdesk", [HealthGridRoles.Ingest], Accounts: [AccountA]);

    public static TokenRequest Monitoring => new("prometheus", "Prometheus", [HealthGridRoles.Monitoring]);

    public IEnumerable<(string Role, TokenRequest User)> Everyone =>
    [
        ("account_manager", ManagerA), ("supervisor", SupervisorA), ("process_owner", BillingOwner), ("executive", Executive),
        ("continuity_planner", Planner), ("ingest", Ingest), ("monitoring", Monitoring), ("admin", TestAuth.Admin),
    ];

    public async Task InitializeAsync()
    {
        Silo = await InProcessSilo.StartAsync("--HealthGrid:Auth:Development=false");
        var http = Silo.Http;
        (AccountA, AccountB) = (await CreateAccountAsync(http), await CreateAccountAsync(http));
        (CustomerA, CustomerB) = (await CreateCustomerAsync(http, AccountA), await CreateCustomerAsync(http, AccountB));
        await PostAsync(Ticket(CustomerA, "ticket_opened", CaseA, team: TeamA, category: "BILL-DUP"));
        await PostAsync(Ticket(CustomerB, "ticket_opened", CaseB, team: TeamB, category: "DLV-DAMAGED"));
        await PostAsync(FrustratedLiveMessage(CustomerA, TeamA));
        await PostAsync(FrustratedLiveMessage(CustomerB, TeamB));
        AlertA = await FrustrationAlertAsync(CustomerA);
        AlertB = await FrustrationAlertAsync(CustomerB);
        var cases = await http.GetJsonAsync<CasePage>("/api/v1/cases?limit=500");
        Assert.True(cases.Items.Any(c => c.Id == CaseA) && cases.Items.Any(c => c.Id == CaseB), "both cases listed");
        ScenarioA = await CreateScenarioAsync();
        var run = await ContinuityRuns.RunToEndAsync(Silo, http, ScenarioA);
        Assert.Equal(RunStatus.Completed, run.Status);
        RunA = run.Id;
        for (var i = 0; i < 20; i++)
        {
            deletableScenarios.Enqueue(await CreateScenarioAsync());
        }
    }

    private async Task<string> CreateScenarioAsync()
    {
        using var response = await Silo.Http.PostJsonAsync("/api/v1/continuity/scenarios", new
        {
            name = "Billing down",
            disruptions = new[] { new { nodes = new[] { new { type = "process", id = "billing" } }, durationHours = 12 } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadAsync<ContinuityScenario>()).Id;
    }

    public async Task DisposeAsync() => await Silo.DisposeAsync();

    private async Task PostAsync(Dictionary<string, object?> e)
    {
        using var response = await Silo.Http.PostJsonAsync("/api/v1/events", e);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Raised while the message was applied; the list reads this server's pending writes too.</summary>
    private async Task<Alert> FrustrationAlertAsync(string customer) =>
        Assert.Single((await Silo.Http.GetJsonAsync<AlertPage>($"/api/v1/alerts?customerId={customer}&type=frustration")).Items);
}
