using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HealthGrid.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using static HealthGrid.Tests.Api.Notifications.NotificationSetup;

namespace HealthGrid.Tests.Api.Notifications;

/// <summary>The admin's view of contact points: a test message answered with the receiver's real result, and each endpoint's last day of deliveries.</summary>
public sealed class EndpointHealthTests : NotificationTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ConfigureAsync(Silo.Http, Document(Silo.BaseAddress,
            [Webhook("good", Receiver.Url("good")), Webhook("broken", Receiver.Url("broken")), PagerDuty("pager", Receiver.Url("pd"))],
            [Recipient("team:team-emea", "good", "broken")],
            [Rule("all", Step("00:00:00", "webhook"))]));
    }

    protected override Func<string, int, HttpContext, CancellationToken, Task> Answer => (path, _, context, _) =>
    {
        context.Response.StatusCode = path == "/broken" ? StatusCodes.Status403Forbidden : StatusCodes.Status202Accepted;
        return Task.CompletedTask;
    };

    [Fact]
    public async Task A_test_message_shows_what_the_receiver_answered()
    {
        var good = await TestAsync("good");
        Assert.Equal((true, 202), ((bool)good["delivered"]!, (int)good["statusCode"]!));
        var sent = JsonNode.Parse((await Receiver.NextAsync("/good")).Body)!;
        Assert.Contains("test message", (string)sent["data"]!["alert"]!["message"]!, StringComparison.Ordinal);

        var broken = await TestAsync("broken");
        Assert.Equal((false, 403), ((bool)broken["delivered"]!, (int)broken["statusCode"]!));

        // PagerDuty: the test incident is resolved at once.
        Assert.True((bool)(await TestAsync("pager"))["delivered"]!);
        Assert.Equal(["trigger", "resolve"], new[] { await Receiver.NextAsync("/pd"), await Receiver.NextAsync("/pd") }.Select(r => (string)JsonNode.Parse(r.Body)!["event_action"]!));

        using var unknown = await Silo.Http.PostAsJsonAsync("/api/v1/notifications/test", new { contactPoint = "nowhere" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("\"contactPoint\"", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endpoint_health_counts_the_last_days_deliveries_and_names_the_last_failure()
    {
        await RaiseFrustrationAsync(Silo.Http);
        await Eventually.Until(() => LogAsync(Silo.Http, ""), l => l.Count == 2 && l.All(n => (string)n!["state"]! is "sent" or "failed"), what: "both notifications to end");

        var health = (await Silo.Http.GetJsonAsync<JsonArray>("/api/v1/notifications/endpoints")).ToDictionary(e => (string)e!["contactPoint"]!, e => e!);

        Assert.Equal((1, 0, true), ((int)health["good"]["sent"]!, (int)health["good"]["failed"]!, (bool)health["good"]["enabled"]!));
        Assert.Equal((0, 1), ((int)health["broken"]["sent"]!, (int)health["broken"]["failed"]!));
        Assert.Contains("403", (string)health["broken"]["lastFailure"]!, StringComparison.Ordinal);
        Assert.Equal(0, (int)health["pager"]["sent"]!);
        NotificationConfigurationTests.AssertNoSecret(await Silo.Http.GetStringAsync("/api/v1/notifications/endpoints"));
    }

    private async Task<JsonObject> TestAsync(string contactPoint)
    {
        using var response = await Silo.Http.PostAsJsonAsync("/api/v1/notifications/test", new { contactPoint });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
