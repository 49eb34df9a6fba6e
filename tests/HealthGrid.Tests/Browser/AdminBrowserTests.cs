using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HealthGrid.Tests.Infrastructure;
using Microsoft.Playwright;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Browser;

/// <summary>
/// The admin console in a real browser: an SLA policy edited in its form, an error shown at its
/// field, the preview before saving, and the saved change moving an open case's countdown on a
/// supervisor's screen; then restored from the history.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminBrowserTests(BrowserWorld world)
{
    [Fact]
    public async Task An_edited_policy_is_previewed_saved_and_moves_a_countdown_on_the_supervisors_screen()
    {
        var before = (long)(await world.Silo.Http.GetJsonAsync<JsonObject>("/api/v1/config/sla"))["version"]!;
        try
        {
            // A gold customer's high-severity ticket for team EMEA (critical-accounts: 15 minutes), opened 12 minutes ago.
            var customer = await CreateCustomerAsync(world.Silo.Http, await CreateAccountAsync(world.Silo.Http));
            var ticket = NewId("T");
            var opened = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - (12 * 60));
            using (var response = await world.Silo.Http.PostJsonAsync("/api/v1/events", Ticket(customer, "ticket_opened", ticket, team: "team-emea", at: opened)))
            {
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }

            var supervisor = await world.SignInAsync("sup-emea");
            await DueAtAsync(supervisor, ticket, opened.AddMinutes(15));

            var admin = await world.SignInAsync("admin");
            await admin.GotoAsync($"{world.Silo.BaseAddress}#/admin");
            var target = admin.Locator("[data-testid=config-form] [data-path='policies[0].targets.firstResponse']");
            await Assertions.Expect(target).ToHaveValueAsync("00:15:00");

            // A value the area refuses: the error is shown at the field and nothing can be saved.
            await target.FillAsync("soon");
            await admin.Locator("[data-testid=config-preview-button]").ClickAsync();
            await Assertions.Expect(admin.Locator("[data-error-for='policies[0].targets.firstResponse']")).ToBeVisibleAsync();
            await Assertions.Expect(target).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(admin.Locator("[data-testid=config-save]")).ToBeDisabledAsync();

            await target.FillAsync("00:14:00");
            await admin.Locator("#config-reason").FillAsync("critical accounts answered in 14 minutes");
            await admin.Locator("[data-testid=config-preview-button]").ClickAsync();
            await Assertions.Expect(admin.Locator("[data-testid=config-preview]")).ToContainTextAsync($"{ticket} · first response");
            await Assertions.Expect(admin.Locator("[data-testid=config-preview]")).ToContainTextAsync("(-1 min)");
            await BrowserWorld.ScreenshotAsync(admin, "admin-console");
            await admin.Locator("[data-testid=config-save]").ClickAsync();
            await Assertions.Expect(admin.Locator("[data-testid=config-status]")).ToContainTextAsync($"Version {before + 1} by admin");

            // The supervisor's countdown moved by push: a minute sooner.
            await DueAtAsync(supervisor, ticket, opened.AddMinutes(14));

            // Restore the version before from the history: the countdown goes back.
            var restore = admin.Locator($"[data-testid=config-history] li[data-version='{before}']");
            await restore.Locator("input").FillAsync("back to the contract");
            await restore.Locator("button").ClickAsync();
            await Assertions.Expect(admin.Locator("[data-testid=config-status]")).ToContainTextAsync($"Version {before + 2}");
            await DueAtAsync(supervisor, ticket, opened.AddMinutes(15));
        }
        finally
        {
            var now = (long)(await world.Silo.Http.GetJsonAsync<JsonObject>("/api/v1/config/sla"))["version"]!;
            if (now != before)
            {
                using var rollback = await world.Silo.Http.PostAsJsonAsync($"/api/v1/config/sla/rollback/{before}", new { reason = "test clean-up" });
            }
        }
    }

    /// <summary>Waits until the case's countdown on the page counts down to <paramref name="due"/> (the browser re-checks on every frame).</summary>
    private static Task DueAtAsync(IPage page, string ticket, DateTimeOffset due) =>
        page.WaitForFunctionAsync(
            "([ticket, due]) => { const e = document.querySelector(`[data-testid=near-breach] tr[data-case='${ticket}'] .countdown`); return e && Date.parse(e.dataset.due) === due; }",
            new object[] { ticket, due.ToUnixTimeMilliseconds() });
}
