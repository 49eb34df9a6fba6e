using HealthGrid.Domain.Alerts;

namespace HealthGrid.Domain.Notifications;

/// <summary>
/// The operational alert of a contact point disabled after its endpoint answered 410 Gone: raised to
/// the operators (admins), since the people who relied on it are no longer told anything through it,
/// and resolved once the contact point is enabled again or removed from the configuration.
/// </summary>
public static class EndpointAlerts
{
    /// <summary>Numbered per contact point: a point disabled again after a repair raises a new alert.</summary>
    public static string Id(string contactPoint, int episode) => AlertIds.Of("endpoint-disabled", contactPoint, episode);

    public static Alert Disabled(string id, string contactPoint, ChannelKind channel, string reason, DateTimeOffset now) =>
        AlertLifecycle.Raise(id, AlertType.EndpointDisabled, AlertSeverity.High,
            $"Contact point {contactPoint} ({Wire.EnumNames<ChannelKind>.Name(channel)}) was disabled: {reason}. Nothing is sent through it until it is enabled again in the notifications configuration.",
            [Audience.Operators], AlertOwnerKind.ContactPoint, contactPoint, now);

    /// <summary>Whether the configuration in <paramref name="options"/> repairs the point: enabled again, or gone.</summary>
    public static bool IsRepaired(NotificationOptions options, string contactPoint) =>
        options.ContactPoints.FirstOrDefault(p => p.Id == contactPoint) is not { Enabled: false };
}
