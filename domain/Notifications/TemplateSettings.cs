using HealthGrid.Domain.Alerts;

namespace HealthGrid.Domain.Notifications;

/// <summary>
/// An organisation's own text for one part of its messages (Liquid), for one alert type and/or one channel
/// or for all: the most specific one that matches replaces the shipped default
/// (<see cref="NotificationTemplates.Pick"/>).
/// </summary>
public sealed class TemplateSettings
{
    public TemplatePart Part { get; set; }

    /// <summary>Only for alerts of this type; none: every type. Digests carry several types and take none.</summary>
    public AlertType? Type { get; set; }

    /// <summary>Only for this channel; none: every channel.</summary>
    public ChannelKind? Channel { get; set; }

    public string Body { get; set; } = "";
}
