using System.Net;
using System.Net.Http.Json;
using HealthGrid.Api.Auth;
using HealthGrid.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Api;

/// <summary>Erasure in the embedded mode, on a silo of its own (the stage and owner tallies are compared whole).</summary>
public sealed class ErasureTests
{
    [Fact]
    public async Task An_erased_customer_is_gone_everywhere_and_the_tallies_are_as_without_it()
    {
        await using var silo = await InProcessSilo.StartAsync();
        var world = await ErasureWorld.CreateAsync(silo);
        var keptBefore = await world.KeptViewAsync();

        var report = await world.EraseAsync();

        Assert.True(report.Profile);
        Assert.Equal(2, report.Conversations); // the frustrated chat and the message with the number
        Assert.Equal(2, report.Cases); // the ticket and the complaint
        Assert.Equal(1, report.Identities);
        Assert.Equal(1, report.ContinuityResults);
        Assert.True(report.Alerts >= 2, $"{report.Alerts} alerts");
        Assert.True(report.ScoreChanges >= 5, $"{report.ScoreChanges} score changes");
        Assert.True(report.ClientIds >= 2, $"{report.ClientIds} client ids");
        Assert.True(report.AuditEntries >= 5, $"{report.AuditEntries} audit entries"); // two profiles, case, alert, export
        Assert.Equal(0, report.Events); // the embedded journal keeps no events
        await world.AssertGoneFromTheApiAsync();
        Assert.Equal(world.TalliesBefore, await world.TalliesAsync());
        Assert.Equal(keptBefore, await world.KeptViewAsync());

        // Nothing is left to erase, no event brings it back, and its ids are free for others.
        using var again = await silo.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/customers/{world.Erased}?reason=again"));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        using var late = await silo.Http.PostJsonAsync("/api/v1/events", Complaint(world.Erased));
        Assert.NotEqual(HttpStatusCode.Accepted, late.StatusCode);
        using var reused = await silo.Http.PostJsonAsync("/api/v1/events", Ticket(world.Kept, "ticket_opened", world.Ticket));
        Assert.Equal(HttpStatusCode.Accepted, reused.StatusCode);
    }

    [Fact]
    public async Task Erasure_needs_an_admin_and_a_reason()
    {
        await using var silo = await InProcessSilo.StartAsync();
        var customer = await CreateCustomerAsync(silo.Http, await CreateAccountAsync(silo.Http));

        using var noReason = await silo.Http.DeleteAsync($"/api/v1/customers/{customer}");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", (await noReason.ReadAsync<ValidationProblemDetails>()).Errors.Keys);
        using var unknownField = await silo.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/customers/{customer}") { Content = JsonContent.Create(new { reason = "r", force = true }) });
        Assert.Contains("force", (await unknownField.ReadAsync<ValidationProblemDetails>()).Errors.Keys);
        using var manager = silo.ClientAs(new TokenRequest("am-test", "Avery", [HealthGridRoles.AccountManager], Accounts: ["any"]));
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.DeleteAsync($"/api/v1/customers/{customer}?reason=asked")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await silo.Http.GetAsync($"/api/v1/customers/{customer}")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await silo.Http.DeleteAsync($"/api/v1/customers/{customer}?reason=asked by e-mail")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await silo.Http.GetAsync($"/api/v1/customers/{customer}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await silo.Http.DeleteAsync($"/api/v1/customers/{NewId("nobody")}?reason=asked")).StatusCode);
    }
}
