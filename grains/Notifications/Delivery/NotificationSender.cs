using HealthGrid.Domain.Notifications;

namespace HealthGrid.Grains.Notifications.Delivery;

/// <summary>One message to one contact point: its texts and links rendered, then sent by the contact point's channel.</summary>
public sealed class NotificationSender(NotificationTexts texts, NotificationLinks links, HttpNotificationChannel http, EmailNotificationChannel email)
{
    public Task<DeliveryOutcome> SendAsync(IReadOnlyList<NotificationRecord> message, string messageId, ContactPointSettings point, NotificationOptions settings)
    {
        var rendered = texts.Render(message, r => links.For(r, settings), settings, point.Kind, messageId);
        return point.Kind == ChannelKind.Email
            ? email.SendAsync(rendered, point, settings, CancellationToken.None)
            : http.SendAsync(rendered, point, CancellationToken.None);
    }
}
