using System.Net;
using HealthGrid.Api.Auth;
using HealthGrid.Api.Sources;
using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Projections;
using HealthGrid.Tests.Infrastructure;
using Microsoft.Playwright;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Browser;

/// <summary>An account manager in a real browser: their portfolio only, moving live, and the customer page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ManagerBrowserTests(BrowserWorld world)
{
    private static readonly string[] AveryAccounts = ["acct-001", "acct-007", "acct-013", "acct-019"];

    [Fact]
    public async Task The_portfolio_shows_only_their_accounts_and_a_score_change_arrives_without_reload()
    {
        var page = await world.SignInAsync("am-avery");
        var rows = page.Locator("[data-testid=portfolio] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(100);
        foreach (var account in (await world.Silo.Http.GetJsonAsync<AccountProfile[]>("/api/v1/accounts")).Select(a => a.Id).Except(AveryAccounts))
        {
            await Assertions.Expect(page.Locator($"[data-testid=portfolio] tr[data-account='{account}']")).ToHaveCountAsync(0);
        }

        var customer = (await world.Silo.Http.GetJsonAsync<CustomerPage>("/api/v1/customers?accountId=acct-007&band=healthy&limit=1")).Items[0];
        var health = page.Locator($"tr[data-customer='{customer.Id}'] .health");
        var before = await health.InnerTextAsync();
        var card = page.Locator("[data-testid=accounts] [data-account='acct-007']");
        var cardBefore = await card.InnerTextAsync();
        foreach (var e in new[] { Survey(customer.Id, "nps", 0), Payment(customer.Id, daysLate: 45), Complaint(customer.Id) })
        {
            using var response = await world.Silo.Http.PostJsonAsync("/api/v1/events", e);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await Assertions.Expect(health).Not.ToHaveTextAsync(before);
        await Assertions.Expect(card).Not.ToHaveTextAsync(cardBefore);
        await Assertions.Expect(page.Locator($"tr[data-customer='{customer.Id}'] .drivers")).Not.ToHaveTextAsync("–");
        await BrowserWorld.ScreenshotAsync(page, "portfolio");

        await page.Locator($"tr[data-customer='{customer.Id}'] button").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=customer-page] h2")).ToHaveTextAsync(customer.Name);
        await Assertions.Expect(page.Locator("[data-testid=changes] > li").First).ToBeVisibleAsync();
        await BrowserWorld.ScreenshotAsync(page, "customer");
    }

    [Fact]
    public async Task The_customer_page_says_when_a_source_behind_the_score_is_stale()
    {
        // An ingest client of its own whose events arrive two hours after they happened, past its one-minute lag threshold.
        var client = NewId("crm-sync");
        using var configured = await world.Silo.Http.PutJsonAsync("/api/v1/config/connectors", new
        {
            document = new { sources = new[] { new { id = $"api:{client}", name = "the CRM sync", maxLag = "00:01:00" } } },
            reason = "Expect the CRM sync to deliver within a minute",
        });
        Assert.Equal(HttpStatusCode.OK, configured.StatusCode);
        var customer = (await world.Silo.Http.GetJsonAsync<CustomerPage>("/api/v1/customers?accountId=acct-019&limit=1")).Items[0];
        using var sync = TestAuth.Client(world.Silo.BaseAddress, new TokenRequest(client, "CRM sync", [HealthGridRoles.Ingest]));
        using var late = await sync.PostJsonAsync("/api/v1/events", Survey(customer.Id, "csat", 4, DateTimeOffset.UtcNow.AddHours(-2)));
        Assert.Equal(HttpStatusCode.Accepted, late.StatusCode);
        await world.Silo.Service<SourceWatch>().RunNowAsync();

        var page = await world.SignInAsync("am-avery");
        await page.Locator($"tr[data-customer='{customer.Id}'] button").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=stale-source]")).ToContainTextAsync("events from the CRM sync arrive 2 h after they happen");
        Assert.Empty(await BrowserWorld.AccessibilityViolationsAsync(page));
    }

    [Fact]
    public async Task A_customer_health_alert_pushed_to_them_appears_in_their_feed_and_is_acknowledged_there()
    {
        var page = await world.SignInAsync("am-avery");
        await Assertions.Expect(page.Locator("[data-testid=portfolio-alerts]")).ToBeVisibleAsync();
        var customer = (await world.Silo.Http.GetJsonAsync<CustomerPage>("/api/v1/customers?accountId=acct-013&band=healthy&limit=1")).Items[0];

        // A sharp fall in health (more than 15 points within a day) raises a customer_health alert for the account's manager.
        foreach (var e in new[] { Survey(customer.Id, "nps", 0), Survey(customer.Id, "csat", 1), Payment(customer.Id, daysLate: 60), Complaint(customer.Id, severity: "critical"), Complaint(customer.Id, severity: "critical") })
        {
            using var response = await world.Silo.Http.PostJsonAsync("/api/v1/events", e);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var item = page.Locator($"[data-testid=portfolio-alerts] [data-alert-customer='{customer.Id}']").Filter(new LocatorFilterOptions { HasText = "Customer health" }).First;
        await Assertions.Expect(item).ToBeVisibleAsync();
        await item.Locator(".ack").ClickAsync();
        await Assertions.Expect(item).ToHaveAttributeAsync("data-alert-state", "acknowledged");
        var alertId = await item.GetAttributeAsync("data-alert");
        var stored = await world.Silo.Http.GetJsonAsync<HealthGrid.Domain.Alerts.Alert>($"/api/v1/alerts/{alertId}");
        Assert.Equal((HealthGrid.Domain.Alerts.AlertType.CustomerHealth, "am-avery"), (stored.Type, stored.AcknowledgedBy));
    }

    [Fact]
    public async Task Another_managers_customer_page_shows_nothing_of_it()
    {
        var page = await world.SignInAsync("am-avery");
        var other = (await world.Silo.Http.GetJsonAsync<CustomerPage>("/api/v1/customers?accountId=acct-002&limit=1")).Items[0];
        await page.GotoAsync($"{world.Silo.BaseAddress}#/customer/{other.Id}");
        await Assertions.Expect(page.Locator("[data-testid=customer-page] h2")).ToHaveTextAsync("Customer not found");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync(other.Name);
    }
}
