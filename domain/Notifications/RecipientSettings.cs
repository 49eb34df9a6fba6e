using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Domain.Notifications;

/// <summary>
/// The contact points of one audience: a person (<c>user:sup-emea</c>), a team (<c>team:team-emea</c>,
/// with its members), a process owner (<c>owner:po-billing</c>), an account's manager
/// (<c>account:acct-1</c>), <c>leadership</c> or <c>operators</c> (admins).
/// </summary>
public sealed class RecipientSettings
{
    [Required]
    public string Audience { get; set; } = "";

    public List<string> ContactPoints { get; set; } = [];

    /// <summary>A team's members (user ids, each with a recipient entry of their own).</summary>
    public List<string> Members { get; set; } = [];

    /// <summary>A team: to its channel, to its members, or both.</summary>
    public TeamDelivery Delivery { get; set; } = TeamDelivery.Channel;
}
