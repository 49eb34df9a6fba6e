using System.Text.Json.Nodes;
using HealthGrid.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;
using static HealthGrid.Tests.Api.Notifications.NotificationSetup;

namespace HealthGrid.Tests.Api.Notifications;

/// <summary>
/// Notifications to real HTTP receivers on loopback: the Standard Webhooks signature verified by the
/// package's own verifier with both secrets of a rotation, a Slack Block Kit message, a Teams Adaptive
/// Card, and PagerDuty's trigger → acknowledge → resolve under one dedup_key as the alert moves.
/// </summary>
public sealed class NotificationDeliveryTests : NotificationTestBase
{
    private static bool Verifies(string secret, ReceivedRequest request, string signature)
    {
        var headers = new HeaderDictionary
        {
            ["webhook-id"] = request.Headers["webhook-id"],
            ["webhook-timestamp"] = request.Headers["webhook-timestamp"],
            ["webhook-signature"] = signature,
        };
        try
        {
            new StandardWebhook(secret).Verify(request.Body, headers);
            return true;
        }
        catch (StandardWebhooks.Diagnostics.WebhookVerificationException)
        {
            return false;
        }
    }

    [Fact]
    public void The_package_signs_the_specifications_test_vector()
    {
        var signature = new StandardWebhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").Sign("msg_p5jXN8AQM9LWM0D4loKWxJek", DateTimeOffset.FromUnixTimeSeconds(1614265330), "{\"test\": 2432232314}");

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public async Task An_organisations_template_replaces_the_shipped_text_for_its_type_and_channel_only()
    {
        var document = Document(Silo.BaseAddress,
            [Endpoint("slack", "slack", Receiver.Url("slack")), Webhook("hook", Receiver.Url("hook"))],
            [Recipient("team:team-emea", "slack", "hook")],
            [Rule("all", Step("00:00:00", "slack", "webhook"))]);
        document["templates"] = new JsonArray(
            new JsonObject { ["part"] = "text", ["type"] = "frustration", ["channel"] = "slack", ["body"] = "Upset in chat: {{ customer }} ({{ tier }}), {{ links.acknowledge }}" },
            new JsonObject { ["part"] = "subject", ["type"] = "sla_breach", ["body"] = "Never used for a frustration" });
        await ConfigureAsync(Silo.Http, document);
        var alert = await RaiseFrustrationAsync(Silo.Http);

        var slack = JsonNode.Parse((await Receiver.NextAsync("/slack")).Body)!;
        var section = slack["blocks"]!.AsArray().First(b => (string)b!["type"]! == "section")!;
        Assert.StartsWith($"Upset in chat: {alert.CustomerId} (", (string)section["text"]!["text"]!, StringComparison.Ordinal);
        Assert.Contains("/api/v1/notifications/act?token=", (string)section["text"]!["text"]!, StringComparison.Ordinal);

        var hook = JsonNode.Parse((await Receiver.NextAsync("/hook")).Body)!["data"]!;
        Assert.StartsWith(alert.Message, (string)hook["text"]!, StringComparison.Ordinal);
        Assert.StartsWith("[HIGH] Frustrated customer in a live conversation", (string)hook["subject"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_that_runs_away_while_rendering_gives_way_to_the_shipped_one_and_the_message_goes_out()
    {
        var document = Document(Silo.BaseAddress, [Webhook("hook", Receiver.Url("hook"))], [Recipient("team:team-emea", "hook")], [Rule("all", Step("00:00:00", "webhook"))]);
        document["templates"] = new JsonArray(new JsonObject { ["part"] = "text", ["body"] = "{% for i in (1..10000) %}{% for j in (1..10000) %}{{ j }}{% endfor %}{% endfor %}" });
        await ConfigureAsync(Silo.Http, document);
        var alert = await RaiseFrustrationAsync(Silo.Http);

        var hook = JsonNode.Parse((await Receiver.NextAsync("/hook")).Body)!["data"]!;
        Assert.StartsWith(alert.Message, (string)hook["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_channel_is_told_and_pagerduty_follows_the_alerts_lifecycle_under_one_dedup_key()
    {
        await ConfigureAsync(Silo.Http, Document(Silo.BaseAddress,
            [Webhook("hook", Receiver.Url("hook"), FirstSecret, SecondSecret), Endpoint("slack", "slack", Receiver.Url("slack")), Endpoint("teams", "teams", Receiver.Url("teams")), PagerDuty("pager", Receiver.Url("pd"))],
            [Recipient("team:team-emea", "hook", "slack", "teams", "pager")],
            [Rule("everything", Step("00:00:00", "webhook", "slack", "teams", "pager_duty"))]));

        var alert = await RaiseFrustrationAsync(Silo.Http);

        var hook = await Receiver.NextAsync("/hook");
        // Both secrets of the rotation sign. StandardWebhooks 1.1.2's Verify stops after the first of
        // several space-separated signatures, so each signature is verified on its own.
        var signatures = hook.Headers["webhook-signature"].Split(' ');
        Assert.Equal(2, signatures.Length);
        Assert.Equal(signatures.Length, new[] { FirstSecret, SecondSecret }.Count(secret => signatures.Any(s => Verifies(secret, hook, s))));
        Assert.DoesNotContain(signatures, s => Verifies("whsec_dGhpcyBpcyBub3QgdGhlIHNlY3JldCBhdCBhbGwh", hook, s));
        var payload = JsonNode.Parse(hook.Body)!;
        Assert.Equal("alert.raised", (string)payload["type"]!);
        Assert.Equal(alert.Id, (string)payload["data"]!["alert"]!["id"]!);
        Assert.Contains("/api/v1/notifications/act?token=", (string)payload["data"]!["links"]!["acknowledge"]!, StringComparison.Ordinal);

        var slack = JsonNode.Parse((await Receiver.NextAsync("/slack")).Body)!;
        Assert.Equal("header", (string)slack["blocks"]![0]!["type"]!);
        Assert.Contains(slack["blocks"]!.AsArray(), b => (string)b!["type"]! == "actions" && b["elements"]!.AsArray().Any(e => ((string)e!["url"]!).Contains("notifications/act", StringComparison.Ordinal)));

        var teams = JsonNode.Parse((await Receiver.NextAsync("/teams")).Body)!;
        var card = teams["attachments"]![0]!;
        Assert.Equal(("application/vnd.microsoft.card.adaptive", "AdaptiveCard"), ((string)card["contentType"]!, (string)card["content"]!["type"]!));
        Assert.Contains(card["content"]!["actions"]!.AsArray(), a => (string)a!["type"]! == "Action.OpenUrl" && (string)a["title"]! == "Acknowledge");

        var trigger = JsonNode.Parse((await Receiver.NextAsync("/pd")).Body)!;
        Assert.Equal(("trigger", alert.Id, RoutingKey), ((string)trigger["event_action"]!, (string)trigger["dedup_key"]!, (string)trigger["routing_key"]!));
        Assert.Equal(alert.Severity == HealthGrid.Domain.Alerts.AlertSeverity.Critical ? "critical" : "error", (string)trigger["payload"]!["severity"]!);

        (await ActAsync(Silo.Http, alert, "acknowledge")).EnsureSuccessStatusCode();
        var acknowledge = JsonNode.Parse((await Receiver.NextAsync("/pd")).Body)!;
        Assert.Equal(("acknowledge", alert.Id), ((string)acknowledge["event_action"]!, (string)acknowledge["dedup_key"]!));

        (await ActAsync(Silo.Http, alert, "resolve")).EnsureSuccessStatusCode();
        var resolve = JsonNode.Parse((await Receiver.NextAsync("/pd")).Body)!;
        Assert.Equal(("resolve", alert.Id), ((string)resolve["event_action"]!, (string)resolve["dedup_key"]!));
        var resolved = JsonNode.Parse((await Receiver.NextAsync("/hook")).Body)!;
        Assert.Equal("alert.resolved", (string)resolved["type"]!);
        Assert.Contains("Resolved by", (string)(await Receiver.NextAsync("/slack")).Body, StringComparison.Ordinal);

        // The acknowledgement went to PagerDuty only, the resolution everywhere; nobody was sent anything twice (4 raised, 1 acknowledged, 4 resolved).
        Assert.Equal(2, Receiver.On("/hook").Count);
        Assert.Equal(3, Receiver.On("/pd").Count);
        // A receiver has the message a moment before its attempt is recorded.
        var log = await Eventually.Until(() => LogAsync(Silo.Http, $"alertId={Uri.EscapeDataString(alert.Id)}"), l => l.Count == 9 && l.All(n => (string)n!["state"]! == "sent"), what: "all nine notifications to be recorded as sent");
        Assert.All(log, n => Assert.Equal("sent", (string)n!["state"]!));
        Assert.Equal(2, Receiver.On("/teams").Count);
    }
}
