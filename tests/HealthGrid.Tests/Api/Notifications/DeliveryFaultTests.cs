using System.Text.Json.Nodes;
using HealthGrid.Api.Auth;
using HealthGrid.Domain.Alerts;
using HealthGrid.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using static HealthGrid.Tests.Api.Notifications.NotificationSetup;

namespace HealthGrid.Tests.Api.Notifications;

/// <summary>
/// Receivers that misbehave, each behind its own contact point of one alert: 500 twice then 200
/// (delivered once, the same webhook-id every time), 429 with Retry-After (honoured over the shorter
/// schedule), 410 (the contact point disabled by a configuration version), and one that hangs (the
/// attempt times out and is retried).
/// </summary>
public sealed class DeliveryFaultTests : NotificationTestBase
{
    [Fact]
    public async Task Failures_are_retried_on_schedule_with_the_same_id_retry_after_is_honoured_and_a_gone_endpoint_is_disabled()
    {
        await ConfigureAsync(Silo.Http, Document(Silo.BaseAddress,
            [Webhook("flaky", Receiver.Url("flaky")), Webhook("busy", Receiver.Url("busy")), Webhook("gone", Receiver.Url("gone")), Webhook("slow", Receiver.Url("slow"))],
            [Recipient("team:team-emea", "flaky", "busy", "gone", "slow")],
            [Rule("all", Step("00:00:00", "webhook"))]));
        var alert = await RaiseFrustrationAsync(Silo.Http);

        var flaky = new[] { await Receiver.NextAsync("/flaky"), await Receiver.NextAsync("/flaky"), await Receiver.NextAsync("/flaky") };
        Assert.Single(flaky.Select(r => r.Headers["webhook-id"]).Distinct());

        var busy = new[] { await Receiver.NextAsync("/busy"), await Receiver.NextAsync("/busy") };
        Assert.True(busy[1].At - busy[0].At >= TimeSpan.FromSeconds(1.9), $"retried {(busy[1].At - busy[0].At).TotalSeconds:0.00} s after a Retry-After of 2 s");

        var slow = new[] { await Receiver.NextAsync("/slow"), await Receiver.NextAsync("/slow") };
        Assert.Equal(slow[0].Headers["webhook-id"], slow[1].Headers["webhook-id"]);

        await Receiver.NextAsync("/gone");
        var notifications = await Eventually.Until(
            () => LogAsync(Silo.Http, $"alertId={Uri.EscapeDataString(alert.Id)}"),
            l => l.Count == 4 && l.All(n => (string)n!["state"]! is "sent" or "failed"),
            TimeSpan.FromSeconds(20),
            "every notification to be sent or given up");
        var byPoint = notifications.ToDictionary(n => (string)n!["contactPoint"]!, n => n!);
        Assert.Equal(("sent", 3), State(byPoint["flaky"]));
        Assert.Equal(("sent", 2), State(byPoint["busy"]));
        Assert.Equal(("sent", 2), State(byPoint["slow"]));
        Assert.Equal(("failed", 1), State(byPoint["gone"]));
        var attempts = byPoint["flaky"]["timeline"]!.AsArray().Where(e => (string)e!["kind"]! is "retrying" or "sent").ToList();
        Assert.Equal([500, 500, 200], attempts.Select(e => (int)e!["statusCode"]!));
        Assert.All(attempts, e => Assert.True((double)e!["latencyMs"]! >= 0));
        Assert.Contains("no answer within the attempt timeout", byPoint["slow"]["timeline"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Retry-After", byPoint["busy"]["timeline"]!.ToJsonString(), StringComparison.Ordinal);

        // The gone endpoint's contact point is disabled by a configuration version that says why; the next alert skips it.
        var version = await Eventually.Until(() => Silo.Http.GetJsonAsync<JsonObject>("/api/v1/config/notifications"), v => (long)v["version"]! == 3, what: "the contact point to be disabled");
        Assert.Equal("healthgrid", (string)version["author"]!);
        Assert.Contains("410 Gone", (string)version["reason"]!, StringComparison.Ordinal);
        Assert.False((bool)version["document"]!["contactPoints"]!.AsArray().Single(p => (string)p!["id"]! == "gone")!["enabled"]!);
        await RaiseFrustrationAsync(Silo.Http);
        await Receiver.NextAsync("/flaky");
        Assert.Single(Receiver.On("/gone"));
    }

    [Fact]
    public async Task A_gone_endpoint_alerts_the_operators_and_enabling_its_contact_point_again_resolves_the_alert()
    {
        await ConfigureAsync(Silo.Http, Document(Silo.BaseAddress,
            [Webhook("gone", Receiver.Url("gone")), Webhook("ops", Receiver.Url("ops"))],
            [Recipient("team:team-emea", "gone"), Recipient("operators", "ops")],
            [Rule("all", Step("00:00:00", "webhook"))]));
        await RaiseFrustrationAsync(Silo.Http);
        await Receiver.NextAsync("/gone");

        var raised = Assert.Single((await Eventually.Until(
            () => Silo.Http.GetJsonAsync<AlertPage>("/api/v1/alerts?audience=operators&type=endpoint_disabled"), p => p.Items.Length > 0, what: "the operators' alert")).Items);
        Assert.Equal((AlertState.Raised, AlertSeverity.High, AlertOwnerKind.ContactPoint, "gone"), (raised.State, raised.Severity, raised.OwnerKind, raised.OwnerId));
        Assert.Contains("410 Gone", raised.Message, StringComparison.Ordinal);
        var told = JsonNode.Parse((await Receiver.NextAsync("/ops")).Body)!;
        Assert.Equal(("alert.raised", "endpoint_disabled"), ((string)told["type"]!, (string)told["data"]!["alert"]!["type"]!));
        using (var supervisor = Silo.ClientAs(new TokenRequest("sup-emea", "Morgan", [HealthGridRoles.Supervisor], Teams: ["team-emea"])))
        {
            Assert.Empty((await supervisor.GetJsonAsync<AlertPage>("/api/v1/alerts?type=endpoint_disabled")).Items);
        }

        var current = await Silo.Http.GetJsonAsync<JsonObject>("/api/v1/config/notifications");
        var repaired = current["document"]!.DeepClone().AsObject();
        repaired["contactPoints"]!.AsArray().Single(p => (string)p!["id"]! == "gone")!["enabled"] = true;
        using (var preview = await Silo.Http.PostJsonAsync("/api/v1/config/notifications/preview", new { document = repaired }))
        {
            var closing = (await preview.ReadAsync<JsonObject>())["effects"]!["alertsClosing"]!.AsArray();
            Assert.Equal(raised.Id, (string)Assert.Single(closing)!["alertId"]!);
        }

        await ConfigureAsync(Silo.Http, repaired);
        var resolved = await Eventually.Until(() => Silo.Http.GetJsonAsync<Alert>($"/api/v1/alerts/{raised.Id}"), a => a.State == AlertState.Resolved, what: "the alert to resolve");
        Assert.NotNull(resolved.ResolvedAt);
        Assert.Equal("alert.resolved", (string)JsonNode.Parse((await Receiver.NextAsync("/ops")).Body)!["type"]!);
    }

    private static (string State, int Attempts) State(JsonNode notification) => ((string)notification["state"]!, (int)notification["attempts"]!);

    protected override Func<string, int, HttpContext, CancellationToken, Task> Answer => AnswerAsync;

    private static async Task AnswerAsync(string path, int n, HttpContext context, CancellationToken cancellationToken)
    {
        switch (path)
        {
            case "/flaky" when n <= 2:
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                break;
            case "/busy" when n == 1:
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "2";
                break;
            case "/gone":
                context.Response.StatusCode = StatusCodes.Status410Gone;
                break;
            case "/slow" when n == 1:
                // No answer until the sender gives up (its 1 s attempt timeout aborts the request) or the receiver stops.
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
                break;
        }
    }
}
