using System.ComponentModel.DataAnnotations;
using HealthGrid.Domain.Configuration;

namespace HealthGrid.Domain.Connectors;

/// <summary>One Zendesk instance: its webhook's signing secret, and how its tickets map onto HealthGrid's cases.</summary>
public sealed class ZendeskConnectorSettings
{
    /// <summary>Names the connector in its URL, its source (<c>zendesk:{id}</c>), its identity schemes (<c>zendesk-org:{id}</c>, <c>zendesk-user:{id}</c>) and its case ids (<c>zendesk:{id}:{ticket}</c>).</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9-]{0,31}$", ErrorMessage = "must be 1 to 32 lower-case letters, digits and -")]
    public string Id { get; set; } = "";

    public bool Enabled { get; set; } = true;

    /// <summary>The webhook's signing secret, as Zendesk shows it (Admin Center → Webhooks → the webhook → Signing secret).</summary>
    [Secret, Required]
    public string SigningSecret { get; set; } = "";

    /// <summary>How far a request's signature timestamp may be from now: older ones are refused as replays.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Ticket tags that set a case's category (a HealthGrid categorization, e.g. <c>billing</c>); the first tag mapped wins.</summary>
    public Dictionary<string, string> CategoriesByTag { get; set; } = [];

    /// <summary>The team cases from this instance are handled by, when no group is mapped.</summary>
    public string? Team { get; set; }

    /// <summary>Zendesk group ids and the HealthGrid team each stands for.</summary>
    public Dictionary<string, string> TeamsByGroup { get; set; } = [];
}
