namespace HealthGrid.Domain.Notifications;

/// <summary>One step of a rule: these kinds of contact point, this long after the alert reached the audience, unless acknowledged by then.</summary>
public sealed class NotificationStepSettings
{
    public TimeSpan After { get; set; }

    public List<ChannelKind> Channels { get; set; } = [];
}
