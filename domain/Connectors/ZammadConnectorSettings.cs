using System.ComponentModel.DataAnnotations;
using HealthGrid.Domain.Configuration;

namespace HealthGrid.Domain.Connectors;

/// <summary>One Zammad instance: its webhook's HMAC-SHA1 signature token, and how its tickets map onto HealthGrid's cases.</summary>
public sealed class ZammadConnectorSettings
{
    /// <summary>Names the connector in its URL, its source (<c>zammad:{id}</c>), its identity schemes (<c>zammad-org:{id}</c>, <c>zammad-user:{id}</c>) and its case ids (<c>zammad:{id}:{ticket}</c>).</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9-]{0,31}$", ErrorMessage = "must be 1 to 32 lower-case letters, digits and -")]
    public string Id { get; set; } = "";

    public bool Enabled { get; set; } = true;

    /// <summary>The webhook's "HMAC SHA1 Signature Token" (Zammad: Manage → Webhook → the webhook).</summary>
    [Secret, Required]
    public string SignatureToken { get; set; } = "";

    /// <summary>Ticket tags that set a case's category (a HealthGrid categorization); the first tag mapped wins.</summary>
    public Dictionary<string, string> CategoriesByTag { get; set; } = [];

    /// <summary>The team cases from this instance are handled by, when no group is mapped.</summary>
    public string? Team { get; set; }

    /// <summary>Zammad group names and the HealthGrid team each stands for.</summary>
    public Dictionary<string, string> TeamsByGroup { get; set; } = [];
}
