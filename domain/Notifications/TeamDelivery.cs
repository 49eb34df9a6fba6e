namespace HealthGrid.Domain.Notifications;

/// <summary>How a notification for a team reaches it.</summary>
[GenerateSerializer]
[Alias("HealthGrid.TeamDelivery")]
public enum TeamDelivery
{
    /// <summary>The team's own contact points (its channel).</summary>
    Channel,

    /// <summary>Each member's own contact points.</summary>
    Members,

    /// <summary>Both.</summary>
    Both,
}
