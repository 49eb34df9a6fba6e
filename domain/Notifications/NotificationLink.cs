using System.Text.Json;
using HealthGrid.Domain.Alerts;

namespace HealthGrid.Domain.Notifications;

/// <summary>
/// What an acknowledge or resolve link in a message says: act on this alert, as this recipient, until
/// then. It travels encrypted and authenticated (Data Protection, <see cref="Purpose"/>), so it cannot be
/// read, forged or altered; the expiry is checked on the server's clock, and the alert's own lifecycle
/// makes it single-use (an acknowledged alert is not acknowledged again).
/// </summary>
public sealed record NotificationLink(string NotificationId, string AlertId, string Recipient, AlertState Action, DateTimeOffset ExpiresAt)
{
    /// <summary>The Data Protection purpose of link tokens: a token protected for anything else does not open.</summary>
    public const string Purpose = "HealthGrid.Notifications.ActionLink.v1";

    public string Encode() => JsonSerializer.Serialize(this);

    public static NotificationLink? Decode(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<NotificationLink>(payload);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;
}
