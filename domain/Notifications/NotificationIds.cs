using System.Security.Cryptography;
using System.Text;

namespace HealthGrid.Domain.Notifications;

/// <summary>Deterministic ids: the same decision made twice has one id, and a retry reuses the id a receiver de-duplicates on.</summary>
public static class NotificationIds
{
    public static string Of(string alertId, string transition, string recipient, string contactPoint) =>
        $"{alertId}|{transition}|{recipient}|{contactPoint}";

    /// <summary>The Standard Webhooks <c>webhook-id</c> (and e-mail Message-ID local part) of a notification or digest: short, opaque, stable.</summary>
    public static string MessageId(string notificationId) =>
        "msg_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(notificationId)).AsSpan(0, 16));
}
