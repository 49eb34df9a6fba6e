using HealthGrid.Tests.Infrastructure;
using Microsoft.Playwright;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Browser;

/// <summary>The server goes away and comes back: the page says so, reconnects on its own and is live again without a reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReconnectBrowserTests(BrowserWorld world)
{
    [Fact]
    public async Task The_page_shows_the_lost_connection_and_resumes_pushes_after_the_server_returns()
    {
        var silo = await SiloProcess.StartEmbeddedAsync();
        var port = silo.HttpPort;
        var context = await world.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(silo.Http.BaseAddress!.ToString());
            await page.Locator("[data-user='sup-emea']").ClickAsync();
            var badge = page.Locator("#connection");
            await Assertions.Expect(badge).ToHaveAttributeAsync("data-state", "connected");

            await silo.KillAsync();
            await Assertions.Expect(badge).ToHaveAttributeAsync("data-state", new System.Text.RegularExpressions.Regex("reconnecting|offline|connecting"));
            await Assertions.Expect(badge).Not.ToHaveTextAsync("Live");

            await silo.DisposeAsync();
            silo = await SiloProcess.StartEmbeddedOnAsync(port);
            await Assertions.Expect(badge).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 60_000 });

            var customer = await CreateCustomerAsync(silo.Http, await CreateAccountAsync(silo.Http));
            (await silo.Http.PostJsonAsync("/api/v1/events", FrustratedLiveMessage(customer, "team-emea"))).EnsureSuccessStatusCode();
            await Assertions.Expect(page.Locator($"[data-alert-customer='{customer}']")).ToBeVisibleAsync();
        }
        finally
        {
            await context.DisposeAsync();
            await silo.DisposeAsync();
        }
    }
}
