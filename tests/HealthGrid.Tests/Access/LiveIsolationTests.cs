using System.Net;
using HealthGrid.Api.Auth;
using HealthGrid.Tests.Infrastructure;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Access;

/// <summary>
/// Real SignalR clients signed in as users of world A and of world B. Activity in both worlds is
/// pushed; each connection receives its own world's customers, cases, conversations and alerts and
/// never one of the other's, whatever it would ask (the hub has no method to ask with).
/// </summary>
[Collection(AccessCollection.Name)]
public sealed class LiveIsolationTests(AccessWorld world)
{
    [Fact]
    public async Task A_connection_never_receives_an_account_team_or_process_it_may_not_see()
    {
        var supervisorB = new TokenRequest("sup-b", "Supervisor B", [HealthGridRoles.Supervisor], Teams: [world.TeamB]);
        var fulfilmentOwner = new TokenRequest("po-fulfilment-user", "Fulfilment owner", [HealthGridRoles.ProcessOwner], ProcessOwner: "po-fulfilment");
        await using var managerA = await ConnectAsync(world.ManagerA);
        await using var managerB = await ConnectAsync(world.ManagerB);
        await using var supervisorA = await ConnectAsync(world.SupervisorA);
        await using var supervisorOfB = await ConnectAsync(supervisorB);
        await using var billing = await ConnectAsync(world.BillingOwner);
        await using var fulfilment = await ConnectAsync(fulfilmentOwner);
        await using var executive = await ConnectAsync(AccessWorld.Executive);

        var (caseA, caseB) = (NewId("T"), NewId("T"));
        foreach (var e in new[]
        {
            Ticket(world.CustomerA, "ticket_opened", caseA, team: world.TeamA, category: "BILL-DUP"),
            Ticket(world.CustomerB, "ticket_opened", caseB, team: world.TeamB, category: "DLV-DAMAGED"),
            FrustratedLiveMessage(world.CustomerA, world.TeamA),
            FrustratedLiveMessage(world.CustomerB, world.TeamB),
            Payment(world.CustomerA, daysLate: 40),
            Payment(world.CustomerB, daysLate: 40),
        })
        {
            using var response = await world.Silo.Http.PostJsonAsync("/api/v1/events", e);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        // Everyone's own world arrives (the executive sees both), so the absences below are not just "not yet".
        await executive.UntilAsync(() => executive.Cases.Count(c => c.Id == caseA || c.Id == caseB) >= 2, "the executive's cases");
        await managerA.UntilAsync(() => managerA.Customers.Any(c => c.Id == world.CustomerA) && managerA.Cases.Any(c => c.Id == caseA) && managerA.Accounts.Any(a => a.Id == world.AccountA), "manager A's customer, case and account");
        await managerB.UntilAsync(() => managerB.Customers.Any(c => c.Id == world.CustomerB) && managerB.Cases.Any(c => c.Id == caseB), "manager B's customer and case");
        await supervisorA.UntilAsync(() => supervisorA.Cases.Any(c => c.Id == caseA) && supervisorA.Interactions.Any(i => i.CustomerId == world.CustomerA), "supervisor A's case and conversation");
        await supervisorOfB.UntilAsync(() => supervisorOfB.Cases.Any(c => c.Id == caseB), "supervisor B's case");
        await billing.UntilAsync(() => billing.Cases.Any(c => c.Id == caseA), "the billing owner's case");
        await fulfilment.UntilAsync(() => fulfilment.Cases.Any(c => c.Id == caseB), "the fulfilment owner's case");
        await supervisorA.WaitForAsync(a => a.CustomerId == world.CustomerA);
        await supervisorOfB.WaitForAsync(a => a.CustomerId == world.CustomerB);

        AssertOnly(managerA, world.AccountA);
        AssertOnly(managerB, world.AccountB);
        Assert.All(supervisorA.Cases, c => Assert.Equal(world.TeamA, c.Team));
        Assert.All(supervisorA.Interactions, i => Assert.Equal(world.TeamA, i.Team));
        Assert.All(supervisorA.Received, a => Assert.Contains(a.Audiences, x => x.Group == $"team:{world.TeamA}"));
        Assert.Empty(supervisorA.Customers);
        Assert.Empty(supervisorA.Accounts);
        Assert.All(supervisorOfB.Cases, c => Assert.Equal(world.TeamB, c.Team));
        Assert.All(supervisorOfB.Received, a => Assert.DoesNotContain(a.Audiences, x => x.Group == $"team:{world.TeamA}"));
        Assert.All(billing.Cases, c => Assert.Equal("po-billing", c.ProcessOwner));
        Assert.All(fulfilment.Cases, c => Assert.Equal("po-fulfilment", c.ProcessOwner));
        Assert.Empty(billing.Customers);
        Assert.Empty(billing.Interactions);
    }

    [Fact]
    public async Task Theme_statistics_and_system_changes_go_to_those_who_read_the_organisation_only()
    {
        await using var managerA = await ConnectAsync(world.ManagerA);
        await using var supervisorA = await ConnectAsync(world.SupervisorA);
        await using var billing = await ConnectAsync(world.BillingOwner);
        await using var executive = await ConnectAsync(AccessWorld.Executive);
        var change = NewId("chg");
        foreach (var e in new[]
        {
            new Dictionary<string, object?> { ["eventId"] = change, ["occurredAt"] = At(DateTimeOffset.UtcNow), ["channel"] = "system", ["kind"] = "system_change", ["change"] = new { description = "Billing release", product = "payments", region = "EU" } },
            Complaint(world.CustomerA),
        })
        {
            using var response = await world.Silo.Http.PostJsonAsync("/api/v1/events", e);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        foreach (var reader in new[] { billing, executive })
        {
            await reader.UntilAsync(() => reader.SystemChanges.Any(c => c.EventId == change) && reader.Owners.Any(o => o.Id == "po-billing"), "the system change and the owner's statistics");
        }

        // Connected all along, the manager and the supervisor were sent none of it (it goes out to every recipient in the same send).
        Assert.Empty(managerA.SystemChanges);
        Assert.Empty(managerA.Owners);
        Assert.Empty(supervisorA.SystemChanges);
        Assert.Empty(supervisorA.Owners);
    }

    private static void AssertOnly(DashboardClient client, string account)
    {
        Assert.All(client.Customers, c => Assert.Equal(account, c.AccountId));
        Assert.All(client.Accounts, a => Assert.Equal(account, a.Id));
        Assert.All(client.Cases, c => Assert.Equal(account, c.AccountId));
        Assert.All(client.Interactions, i => Assert.Equal(account, i.AccountId));
        Assert.All(client.Received, a => Assert.Equal(account, a.AccountId));
        Assert.Empty(client.Kpis);
    }

    private Task<DashboardClient> ConnectAsync(TokenRequest user) => DashboardClient.ConnectAsync(world.Silo.BaseAddress, TestAuth.Token(user));
}
