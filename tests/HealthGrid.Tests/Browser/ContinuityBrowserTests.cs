using Microsoft.Playwright;

namespace HealthGrid.Tests.Browser;

/// <summary>The continuity planner's view in a real browser, over the demo organisation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContinuityBrowserTests(BrowserWorld world)
{
    [Fact]
    public async Task The_planner_builds_and_runs_a_scenario_then_reads_the_results_and_compares_two_runs()
    {
        var page = await world.SignInAsync("planner");
        await BuildAndRunAsync(page, "Amsterdam data centre down a day", hours: "24", alsoBillingDegraded: true);
        var results = page.Locator("[data-testid=run-results]");
        await Assertions.Expect(results.Locator("[data-testid=run-tiles] .tile")).ToHaveCountAsync(5, new() { Timeout = 30_000 });
        await Assertions.Expect(results.Locator("[data-testid=impact-customers] tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(results.Locator("[data-testid=impact-customers] tbody tr").First.Locator("td").Nth(3)).Not.ToHaveTextAsync("holds");
        await Assertions.Expect(results.Locator("[data-testid=escalation-load] tbody tr").First).ToBeVisibleAsync();
        Assert.Empty(await BrowserWorld.AccessibilityViolationsAsync(page));
        await BrowserWorld.ScreenshotAsync(page, "continuity");

        await BuildAndRunAsync(page, "Amsterdam data centre down four hours", hours: "4", alsoBillingDegraded: false);
        await Assertions.Expect(results.Locator("[data-testid=run-tiles]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=runs] tbody tr[data-status=completed]")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        var boxes = page.Locator("[data-testid=runs] .compare-box");
        await boxes.Nth(0).CheckAsync();
        await boxes.Nth(1).CheckAsync();
        await page.Locator("[data-testid=compare]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=comparison] tbody tr")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("[data-testid=comparison-customers] tbody tr").First).ToBeVisibleAsync();
        await BrowserWorld.ScreenshotAsync(page, "continuity-compare");
    }

    [Fact]
    public async Task An_account_manager_has_no_continuity_view()
    {
        var page = await world.SignInAsync("am-avery");
        await Assertions.Expect(page.Locator("#views a[data-view=portfolio]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#views a[data-view=continuity]")).ToHaveCountAsync(0);
    }

    private static async Task BuildAndRunAsync(IPage page, string name, string hours, bool alsoBillingDegraded)
    {
        var builder = page.Locator("[data-testid=scenario-builder]");
        await builder.GetByLabel("Name").FillAsync(name);
        var disruption = builder.Locator("fieldset.disruption").First;
        await disruption.Locator("[data-node-id='site-ams-dc']").CheckAsync();
        await disruption.Locator("input[name=duration]").FillAsync(hours);
        if (alsoBillingDegraded)
        {
            await builder.GetByRole(AriaRole.Button, new() { Name = "Add an overlapping disruption" }).ClickAsync();
            var second = builder.Locator("fieldset.disruption").Nth(1);
            await second.Locator("[data-node-id='billing'][data-node-type='process']").CheckAsync();
            await second.Locator("select[name=mode]").SelectOptionAsync("degraded");
            await second.Locator("input[name=percent]").FillAsync("60");
            await second.Locator("input[name=offset]").FillAsync("2");
            await second.Locator("input[name=duration]").FillAsync("8");
        }

        await page.Locator("[data-testid=save-and-run]").ClickAsync();
    }
}
