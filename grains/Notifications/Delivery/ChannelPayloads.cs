using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Notifications;

namespace HealthGrid.Grains.Notifications.Delivery;

/// <summary>
/// The body each kind of endpoint expects, from a rendered message: a Standard Webhooks event, a Slack
/// Block Kit message, a Teams Adaptive Card, a PagerDuty Events API v2 event. Structure here, words
/// from the templates.
/// </summary>
public static class ChannelPayloads
{
    /// <summary>Slack's limits: header text 150 characters, section text 3000, 50 blocks.</summary>
    private const int SlackHeader = 150;
    private const int SlackSection = 3000;
    private const int DigestItemsShown = 20;
    private const int WebhookDigestItems = 100;

    public static string Webhook(RenderedMessage message, DateTimeOffset now)
    {
        var items = message.Items.Take(WebhookDigestItems).Select(i => new JsonObject
        {
            ["notificationId"] = i.Record.Id,
            ["transition"] = i.Record.Transition,
            ["recipient"] = i.Record.Recipient,
            ["contactPoint"] = i.Record.ContactPoint,
            ["subject"] = i.Subject,
            ["text"] = i.Text,
            ["alert"] = JsonSerializer.SerializeToNode(i.Record.Alert, NotificationJson.Options),
            ["links"] = Links(i.Links),
        }).ToList();
        var data = message.IsDigest
            ? new JsonObject
            {
                ["count"] = message.Items.Count,
                ["critical"] = message.Items.Count(i => i.Record.Alert.Severity == AlertSeverity.Critical),
                ["subject"] = message.Subject,
                ["items"] = new JsonArray([.. items]),
                ["omitted"] = message.Items.Count - items.Count,
                ["notificationIds"] = new JsonArray([.. message.Items.Select(i => JsonValue.Create(i.Record.Id))]),
            }
            : items[0];
        return new JsonObject
        {
            ["type"] = message.IsDigest ? "alert.digest" : $"alert.{Kind(message.Items[0].Record.Transition)}",
            ["timestamp"] = now.ToString("O", CultureInfo.InvariantCulture),
            ["data"] = data,
        }.ToJsonString();
    }

    public static string Slack(RenderedMessage message)
    {
        var blocks = new JsonArray { new JsonObject { ["type"] = "header", ["text"] = Plain(Cut(message.Subject, SlackHeader)) } };
        foreach (var item in message.Items.Take(DigestItemsShown))
        {
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut(message.IsDigest ? item.Subject + "\n" + item.Record.Alert.Message : item.Text, SlackSection) } });
            if (!NotificationTransitions.IsFollowUp(item.Record.Transition))
            {
                blocks.Add(new JsonObject
                {
                    ["type"] = "actions",
                    ["elements"] = new JsonArray(
                        Button("Acknowledge", item.Links.Acknowledge, "acknowledge", "primary"),
                        Button("Resolve", item.Links.Resolve, "resolve", null),
                        Button("Open in HealthGrid", item.Links.Dashboard, "open", null)),
                });
            }
        }

        if (message.Items.Count > DigestItemsShown)
        {
            blocks.Add(new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = $"and {message.Items.Count - DigestItemsShown} more in HealthGrid" }) });
        }

        return new JsonObject { ["text"] = message.Subject, ["blocks"] = blocks }.ToJsonString();
    }

    public static string Teams(RenderedMessage message)
    {
        var body = new JsonArray { new JsonObject { ["type"] = "TextBlock", ["text"] = message.Subject, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true } };
        var actions = new JsonArray();
        foreach (var item in message.Items.Take(DigestItemsShown))
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = message.IsDigest ? $"{item.Subject}: {item.Record.Alert.Message}" : item.Text, ["wrap"] = true });
        }

        var first = message.Items[0];
        if (!message.IsDigest && !NotificationTransitions.IsFollowUp(first.Record.Transition))
        {
            actions.Add(OpenUrl("Acknowledge", first.Links.Acknowledge));
            actions.Add(OpenUrl("Resolve", first.Links.Resolve));
        }

        actions.Add(OpenUrl("Open in HealthGrid", first.Links.Dashboard));
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
            ["actions"] = actions,
        };
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["contentUrl"] = null, ["content"] = card }),
        }.ToJsonString();
    }

    /// <summary>PagerDuty: the alert id is the dedup_key, so trigger, acknowledge and resolve move one incident.</summary>
    public static string PagerDuty(RenderedItem item, string routingKey)
    {
        var alert = item.Record.Alert;
        var action = item.Record.Transition switch
        {
            NotificationTransitions.Acknowledged => "acknowledge",
            NotificationTransitions.Resolved => "resolve",
            _ => "trigger",
        };
        var body = new JsonObject { ["routing_key"] = routingKey, ["event_action"] = action, ["dedup_key"] = alert.Id };
        if (action != "trigger")
        {
            return body.ToJsonString();
        }

        body["payload"] = new JsonObject
        {
            ["summary"] = Cut(item.Subject + ": " + alert.Message, 1024),
            ["source"] = "healthgrid",
            ["severity"] = Severity(alert.Severity),
            ["timestamp"] = alert.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["component"] = alert.CustomerId,
            ["group"] = alert.Team ?? alert.Process,
            ["class"] = Kind(alert.Type),
            ["custom_details"] = new JsonObject { ["alert"] = JsonSerializer.SerializeToNode(alert, NotificationJson.Options), ["recipient"] = item.Record.Recipient },
        };
        body["client"] = "HealthGrid";
        body["client_url"] = item.Links.Dashboard;
        body["links"] = new JsonArray(
            new JsonObject { ["href"] = item.Links.Dashboard, ["text"] = "Open in HealthGrid" },
            new JsonObject { ["href"] = item.Links.Acknowledge, ["text"] = $"Acknowledge in HealthGrid as {item.Record.Recipient}" });
        return body.ToJsonString();
    }

    /// <summary>PagerDuty's severities: critical stays critical, high is an error, a warning a warning.</summary>
    public static string Severity(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "critical",
        AlertSeverity.High => "error",
        _ => "warning",
    };

    private static string Kind(string transition) => transition.StartsWith("raised", StringComparison.Ordinal) ? "raised" : transition.StartsWith("escalated", StringComparison.Ordinal) ? "escalated" : transition;

    private static string Kind(AlertType type) => JsonNamingPolicy.SnakeCaseLower.ConvertName(type.ToString());

    private static JsonObject Links(ActionLinks links) => new() { ["dashboard"] = links.Dashboard, ["acknowledge"] = links.Acknowledge, ["resolve"] = links.Resolve };

    private static JsonObject Plain(string text) => new() { ["type"] = "plain_text", ["text"] = text };

    private static JsonObject Button(string text, string url, string id, string? style)
    {
        var button = new JsonObject { ["type"] = "button", ["text"] = Plain(text), ["url"] = url, ["action_id"] = id };
        if (style is not null)
        {
            button["style"] = style;
        }

        return button;
    }

    private static JsonObject OpenUrl(string title, string url) => new() { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url };

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
