namespace HealthGrid.Domain.Notifications;

/// <summary>The kinds of contact point a notification can go to.</summary>
[GenerateSerializer]
[Alias("HealthGrid.ChannelKind")]
public enum ChannelKind
{
    /// <summary>SMTP, HTML and plain-text bodies.</summary>
    Email,

    /// <summary>A generic HTTP endpoint, signed per Standard Webhooks 1.0.</summary>
    Webhook,

    /// <summary>A Slack incoming webhook (Block Kit).</summary>
    Slack,

    /// <summary>A Microsoft Teams Workflows or incoming webhook (Adaptive Card).</summary>
    Teams,

    /// <summary>PagerDuty Events API v2.</summary>
    PagerDuty,
}
