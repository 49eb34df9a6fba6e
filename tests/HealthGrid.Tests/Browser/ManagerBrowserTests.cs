using System.Net;
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
        foreach (var e in new[] { Survey(customer.Id, "nps", 0), Payment(customer.Id, daysLate: 45), Complaint(customer.Id) })
        {
            using var response = await world.Silo.Http.PostJsonAsync("/api/v1/events", e);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await Assertions.Expect(health).Not.ToHaveTextAsync(before);
        await Assertions.Expect(page.Locator($"tr[data-customer='{customer.Id}'] .drivers")).Not.ToHaveTextAsync("–");
        await BrowserWorld.ScreenshotAsync(page, "portfolio");

        await page.Locator($"tr[data-customer='{customer.Id}'] button").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=customer-page] h2")).ToHaveTextAsync(customer.Name);
        await Assertions.Expect(page.Locator("[data-testid=changes] > li").First).ToBeVisibleAsync();
        await BrowserWorld.ScreenshotAsync(page, "customer");
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
