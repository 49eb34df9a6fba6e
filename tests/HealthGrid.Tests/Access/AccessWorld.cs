using System.Net;
using HealthGrid.Alerts;
using HealthGrid.Auth;
using HealthGrid.Cases;
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
        await Eventually.Until(() => http.GetJsonAsync<CasePage>("/api/v1/cases?limit=500"), page => page.Items.Any(c => c.Id == CaseA) && page.Items.Any(c => c.Id == CaseB), what: "both cases listed");
    }

    public async Task DisposeAsync() => await Silo.DisposeAsync();

    private async Task PostAsync(Dictionary<string, object?> e)
    {
        using var response = await Silo.Http.PostJsonAsync("/api/v1/events", e);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private async Task<Alert> FrustrationAlertAsync(string customer) =>
        (await Eventually.Until(
            () => Silo.Http.GetJsonAsync<AlertPage>($"/api/v1/alerts?customerId={customer}&type=frustration"),
            page => page.Items.Length == 1,
            what: "the frustration alert")).Items[0];
}
