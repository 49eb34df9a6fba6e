using HealthGrid.Domain.Projections;
using HealthGrid.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HealthGrid.Tests.Browser;

/// <summary>
/// Headless Debian Chromium driven by Playwright (no browser download: the executable is the system's),
/// and one silo with the demo organisation and its live traffic, as a user would first see it.
/// Screenshots go to TestResults/screenshots.
/// </summary>
public sealed class BrowserWorld : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright playwright = null!;

    public IBrowser Browser { get; private set; } = null!;

    public InProcessSilo Silo { get; private set; } = null!;

    public static string Artifacts { get; } = Path.Combine(Repository.Root, "TestResults");

    /// <summary>axe-core, installed with the dashboard's npm packages (a development dependency), injected into pages under test.</summary>
    public static string Axe { get; } = Path.Combine(Repository.Root, "dashboard", "node_modules", "axe-core", "axe.min.js");

    public async Task InitializeAsync()
    {
        Silo = await InProcessSilo.StartWithDemoAsync("--HealthGrid:Demo:TrafficPerSecond=2");
        playwright = await Playwright.CreateAsync();
        // The browser shares two cores with the rest of the suite; Playwright's 5 s default for an
        // expectation is shorter than a page's fetch can take under that load (seen in CI).
        Assertions.SetDefaultExpectTimeout(15_000);
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        await Eventually.Until(() => Silo.Http.GetJsonAsync<CustomerPage>("/api/v1/customers?limit=1"), page => page.Total >= 600, TimeSpan.FromSeconds(60), "the demo organisation");
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await Silo.DisposeAsync();
    }

    /// <summary>A new browser context signed in as <paramref name="demoUser"/>; <paramref name="prepare"/> runs on the page before it loads (e.g. a route that holds a request).</summary>
    public async Task<IPage> SignInAsync(string demoUser, Func<IPage, Task>? prepare = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        if (prepare is not null)
        {
            await prepare(page);
        }

        await page.GotoAsync(Silo.BaseAddress.ToString());
        await page.Locator($"[data-user='{demoUser}']").ClickAsync();
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        return page;
    }

    /// <summary>The WCAG 2.1 A/AA violations axe-core finds on the page as it is now, as "rule: element" lines.</summary>
    public static async Task<string[]> AccessibilityViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Axe });
        return await page.EvaluateAsync<string[]>("""
            async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
                .violations.flatMap(v => v.nodes.map(n => `${v.id}: ${n.target.join(' ')}`))
            """);
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Path.Combine(Artifacts, "screenshots"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "screenshots", $"{name}.png"), FullPage = false });
    }

}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserWorld>
{
    public const string Name = "browser";
}
