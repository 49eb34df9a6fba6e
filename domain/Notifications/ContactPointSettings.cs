using HealthGrid.Domain.Configuration;
using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Domain.Notifications;

/// <summary>
/// Where a notification can go: an e-mail address list, or an HTTP endpoint (webhook, Slack, Teams,
/// PagerDuty). Endpoint URLs are plain configuration so that tests and on-premise installs can point
/// them anywhere; they are secrets because Slack, Teams and Workflows URLs carry their credential.
/// </summary>
public sealed class ContactPointSettings
{
    [Required]
    public string Id { get; set; } = "";

    public ChannelKind Kind { get; set; }

    /// <summary>A disabled contact point is skipped; the delivery worker disables one whose endpoint answered 410 Gone.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>E-mail: the addresses of the message.</summary>
    public List<string> To { get; set; } = [];

    /// <summary>Webhook, Slack, Teams and PagerDuty: where to POST (PagerDuty: its Events API v2 enqueue URL).</summary>
    [Secret]
    public string? Url { get; set; }

    /// <summary>Webhook: the signing secrets (whsec_ + base64 of at least 24 bytes); two during a rotation, both signing.</summary>
    [Secret]
    public List<string> Secrets { get; set; } = [];

    /// <summary>PagerDuty: the integration's routing key.</summary>
    [Secret]
    public string? RoutingKey { get; set; }
}
