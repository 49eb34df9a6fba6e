using System.Net;
using HealthGrid.Domain.Projections;
using HealthGrid.Tests.Infrastructure;
using Microsoft.Playwright;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

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
    public async Task The_process_owners_theme_statistics_and_system_changes_move_by_push()
    {
        var page = await world.SignInAsync("po-billing");
        var volume = page.Locator("[data-owner='po-billing'] [data-testid=owner-volume]");
        await Assertions.Expect(volume).ToBeVisibleAsync();
        var before = await volume.InnerTextAsync();

        var description = $"Invoice layout release {NewId("rel")}";
        foreach (var e in new[]
        {
            new Dictionary<string, object?> { ["eventId"] = NewId("chg"), ["occurredAt"] = At(DateTimeOffset.UtcNow), ["channel"] = "system", ["kind"] = "system_change", ["change"] = new { description, product = "payments", region = "EU" } },
            Complaint((await world.Silo.Http.GetJsonAsync<CustomerPage>("/api/v1/customers?limit=1")).Items[0].Id, severity: "low"),
        })
        {
            using var response = await world.Silo.Http.PostJsonAsync("/api/v1/events", e);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await Assertions.Expect(page.Locator("[data-testid=system-changes]")).ToContainTextAsync(description);
        await Assertions.Expect(volume).Not.ToHaveTextAsync(before);
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
