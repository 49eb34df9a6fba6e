using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HealthGrid.Api.Connectors.Zendesk;

/// <summary>
/// Zendesk's webhook signature: <c>X-Zendesk-Webhook-Signature</c> is base64(HMAC-SHA256(secret,
/// timestamp + body)) with the timestamp in <c>X-Zendesk-Webhook-Signature-Timestamp</c> (developer.zendesk.com,
/// "Verifying webhook authenticity"). The timestamp is also checked against now, so a captured request
/// cannot be replayed later.
/// </summary>
public static class ZendeskSignature
{
    public const string SignatureHeader = "X-Zendesk-Webhook-Signature";
    public const string TimestampHeader = "X-Zendesk-Webhook-Signature-Timestamp";

    public static WebhookSignature Verify(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return WebhookSignature.Missing;
        }

        Span<byte> given = stackalloc byte[32];
        if (!Convert.TryFromBase64String(signature, given, out var length) || length != 32)
        {
            return WebhookSignature.Invalid;
        }

        if (!CryptographicOperations.FixedTimeEquals(Compute(secret, timestamp, body), given))
        {
            return WebhookSignature.Invalid;
        }

        return DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && (now - at).Duration() <= tolerance
            ? WebhookSignature.Valid
            : WebhookSignature.Stale;
    }

    /// <summary>The headers a request signed with <paramref name="secret"/> at <paramref name="at"/> carries (for a sender, a test, a replay tool).</summary>
    public static (string Timestamp, string Signature) Sign(string secret, DateTimeOffset at, ReadOnlySpan<byte> body)
    {
        var timestamp = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return (timestamp, Convert.ToBase64String(Compute(secret, timestamp, body)));
    }

    private static byte[] Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var stamp = Encoding.UTF8.GetBytes(timestamp);
        var signed = new byte[stamp.Length + body.Length];
        stamp.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(stamp.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }
}
