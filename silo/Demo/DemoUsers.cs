using HealthGrid.Api.Auth;
using Microsoft.Extensions.Options;

namespace HealthGrid.Silo.Demo;

/// <summary>A demo user: who they are, what the sign-in page says about them, and their token's claims.</summary>
public sealed record DemoUser(string Id, string Description, TokenRequest Claims);

/// <summary>
/// The people (and services) of the demo organisation, one per role, scoped like real users: an account
/// manager holds the accounts the demo assigns to them, a supervisor a support team, a process owner
/// one process. Development mode only: the sign-in page and the silo's <c>token</c> command use them.
/// </summary>
public sealed class DemoUsers(IOptions<DemoOptions> options)
{
    public IReadOnlyList<DemoUser> All { get; } = Build(options.Value.Accounts);

    public DemoUser? Find(string id) => All.FirstOrDefault(u => u.Id == id);

    private static List<DemoUser> Build(int accounts)
    {
        return
        [
            Manager(0, "Avery"),
            Manager(1, "Blake"),
            new("sup-emea", "Supervisor of the EMEA support team", new("sup-emea", "Morgan", [HealthGridRoles.Supervisor], Teams: ["team-emea"])),
            new("sup-amer", "Supervisor of the Americas support team", new("sup-amer", "Riley", [HealthGridRoles.Supervisor], Teams: ["team-amer"])),
            new("po-billing", "Owner of the billing process", new("po-billing", "Quinn", [HealthGridRoles.ProcessOwner], ProcessOwner: "po-billing")),
            new("exec", "Executive: sees everything, receives leadership alerts", new("exec", "Jordan", [HealthGridRoles.Executive])),
            new("planner", "Continuity planner: scenarios and runs over every customer, no cases or alerts", new("planner", "Sage", [HealthGridRoles.ContinuityPlanner])),
            new("ingest-helpdesk", "The helpdesk integration: may only post events", new("ingest-helpdesk", "Helpdesk integration", [HealthGridRoles.Ingest])),
            new("admin", "Administrator: everything, and configuration", new("admin", "Alex", [HealthGridRoles.Admin])),
        ];

        // The demo assigns account a to manager a mod 6 (DemoOrganisation), so the claims match the data.
        DemoUser Manager(int index, string name)
        {
            var id = DemoCatalog.AccountManagers[index];
            var owned = Enumerable.Range(0, accounts).Where(a => a % DemoCatalog.AccountManagers.Length == index).Select(a => $"acct-{a + 1:D3}").ToArray();
            return new(id, $"Account manager of {owned.Length} accounts", new(id, name, [HealthGridRoles.AccountManager], Accounts: owned));
        }
    }
}
