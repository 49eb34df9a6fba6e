using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HealthGrid.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using static HealthGrid.Tests.Api.Notifications.NotificationSetup;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Browser;

/// <summary>
/// Notifications in the browser: the admin console lists the contact points with their health and sends
/// a test message showing the receiver's answer; a supervisor opens an alert's deliveries and sees its
/// webhook sent, with the status code; an endpoint that answers 410 appears in the admin's operational
/// alerts while the console is open.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationBrowserTests(BrowserWorld world)
{
    [Fact]
    public async Task The_admin_tests_a_contact_point_and_the_supervisor_sees_an_alerts_delivery_timeline()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        receiver.Answer = (path, _, context, _) =>
        {
            context.Response.StatusCode = path == "/gone" ? StatusCodes.Status410Gone : StatusCodes.Status200OK;
            return Task.CompletedTask;
        };
        var original = (await world.Silo.Http.GetJsonAsync<JsonObject>("/api/v1/config/notifications"))["document"]!.DeepClone();
        try
        {
            // The endpoint that answers 410 comes after the admin's edit: the demo's EMEA alerts would reach
            // it at once, and its disabling writes a new version under the open console (a 412 on save, as it should).
            await ConfigureAsync(world.Silo.Http, Document(world.Silo.BaseAddress,
                [Webhook("emea-hook", receiver.Url("hook"))], [Recipient("team:team-emea", "emea-hook")], [Rule("emea", Step("00:00:00", "webhook"))]));

            var admin = await world.SignInAsync("admin");
            await admin.GotoAsync($"{world.Silo.BaseAddress}#/admin");
            await admin.Locator("[role=tab][data-area=notifications]").ClickAsync();
            var row = admin.Locator("[data-testid=endpoint-health] tr[data-endpoint=emea-hook]");
            await Assertions.Expect(row).ToContainTextAsync("enabled");
            await row.Locator("button").ClickAsync();
            await Assertions.Expect(row.Locator("[data-testid=test-result]")).ToContainTextAsync("Delivered", new() { Timeout = 20_000 });
            await Assertions.Expect(admin.Locator("[data-testid=config-form] [data-path='contactPoints[0].url']")).ToHaveValueAsync("(secret)");
            Assert.Empty(await BrowserWorld.AccessibilityViolationsAsync(admin));

            // A template of the organisation's own, written in the console: its lines survive the form.
            await admin.GetByRole(AriaRole.Button, new() { Name = "Add to Templates" }).ClickAsync();
            await admin.Locator("[data-testid=config-form] [data-path='templates[0].body']").FillAsync("{{ message }}\nAcknowledge: {{ links.acknowledge }}");
            await admin.Locator("[data-testid=config-preview-button]").ClickAsync();
            await Assertions.Expect(admin.Locator("[data-testid=config-preview]")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await admin.Locator("[data-testid=config-save]").ClickAsync();
            // A write answers once every silo has applied it: slower while the rest of the suite shares the machine.
            try
            {
                await Assertions.Expect(admin.Locator("[data-testid=config-status]")).ToContainTextAsync("by admin", new() { Timeout = 20_000 });
            }
            catch (PlaywrightException missed)
            {
                throw new Xunit.Sdk.XunitException($"The template was not saved; the console shows: '{await admin.Locator("[data-testid=config-problems]").InnerTextAsync()}' ({missed.Message})");
            }
            var written = (await world.Silo.Http.GetJsonAsync<JsonObject>("/api/v1/config/notifications"))["document"]!["templates"]![0]!;
            Assert.Equal(("text", "{{ message }}\nAcknowledge: {{ links.acknowledge }}"), ((string)written["part"]!, (string)written["body"]!));
            await ConfigureAsync(world.Silo.Http, Document(world.Silo.BaseAddress,
                [Webhook("emea-hook", receiver.Url("hook")), Webhook("gone-hook", receiver.Url("gone"))],
                [Recipient("team:team-emea", "emea-hook", "gone-hook")], [Rule("emea", Step("00:00:00", "webhook"))]));

            var supervisor = await world.SignInAsync("sup-emea");
            var customer = await CreateCustomerAsync(world.Silo.Http, await CreateAccountAsync(world.Silo.Http));
            using (var accepted = await world.Silo.Http.PostJsonAsync("/api/v1/events", FrustratedLiveMessage(customer, "team-emea")))
            {
                Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            }

            await receiver.NextAsync("/hook");
            var item = supervisor.Locator($"[data-alert-customer='{customer}']");
            await Assertions.Expect(item).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await item.Locator("details.deliveries summary").ClickAsync();
            await Assertions.Expect(item.Locator("[data-testid=delivery-timeline]")).ToContainTextAsync("Webhook to team:team-emea (emea-hook) — sent (200", new() { Timeout = 20_000 });
            await BrowserWorld.ScreenshotAsync(supervisor, "delivery-timeline");

            // The same alert's other endpoint answered 410: the admin, still on the console, is told by push.
            await receiver.NextAsync("/gone");
            await Assertions.Expect(admin.Locator("[data-testid=operational-alerts]")).ToContainTextAsync("Contact point gone-hook (webhook) was disabled", new() { Timeout = 20_000 });
        }
        finally
        {
            using var restored = await world.Silo.Http.PutAsJsonAsync("/api/v1/config/notifications", new { document = original, reason = "the browser test is over" });
        }
    }
}
