using Microsoft.Playwright;

namespace HealthGrid.Tests.Browser;

/// <summary>The process owner's and executive's views, and the admin's operations pages, in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LeadershipBrowserTests(BrowserWorld world)
{
    [Fact]
    public async Task The_executive_sees_kpi_tiles_trends_and_the_journey_stage_heat_map()
    {
        var page = await world.SignInAsync("exec");
        await Assertions.Expect(page.Locator("[data-testid=kpi-tiles] .tile")).ToHaveCountAsync(8);
        await Assertions.Expect(page.Locator("[data-testid=heatmap] tbody tr")).ToHaveCountAsync(5);
        await BrowserWorld.ScreenshotAsync(page, "executive");
    }

    [Fact]
    public async Task The_process_owner_sees_their_process_themes_and_candidate_causes()
    {
        var page = await world.SignInAsync("po-billing");
        await Assertions.Expect(page.Locator("[data-owner]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-owner='po-billing']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=system-changes] li").First).ToBeVisibleAsync();
        await BrowserWorld.ScreenshotAsync(page, "process-owner");
    }

    [Fact]
    public async Task An_admin_opens_the_orleans_dashboard_and_the_api_reference_with_the_session_cookie()
    {
        var page = await world.SignInAsync("admin");
        await page.GotoAsync($"{world.Silo.BaseAddress}orleans/");
        await Assertions.Expect(page).ToHaveTitleAsync("Orleans Dashboard");
        await page.GotoAsync($"{world.Silo.BaseAddress}api-reference/");
        await Assertions.Expect(page.GetByText("ListCustomers").Or(page.GetByText("Customers")).First).ToBeVisibleAsync();
        await BrowserWorld.ScreenshotAsync(page, "api-reference");
    }
}
