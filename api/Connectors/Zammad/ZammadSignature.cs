using System.Security.Cryptography;
using System.Text;

namespace HealthGrid.Api.Connectors.Zammad;

/// <summary>
/// Zammad's webhook signature: <c>X-Hub-Signature: sha1=</c> and the hex HMAC-SHA1 of the body under the
/// webhook's signature token (admin-docs.zammad.org, "Webhook"; the WebSub form of authenticated content).
/// Zammad signs no timestamp, so a replay cannot be told by age: a replayed delivery carries the same
/// event ids and is answered as a duplicate.
/// </summary>
public static class ZammadSignature
{
    public const string Header = "X-Hub-Signature";
    private const string Prefix = "sha1=";

    public static WebhookSignature Verify(string token, string? header, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(header))
        {
            return WebhookSignature.Missing;
        }

        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length != Prefix.Length + 40)
        {
            return WebhookSignature.Invalid;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return WebhookSignature.Invalid;
        }

        return CryptographicOperations.FixedTimeEquals(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), body), given) ? WebhookSignature.Valid : WebhookSignature.Invalid;
    }

    /// <summary>The header a delivery signed with <paramref name="token"/> carries (for a sender, a test, a replay tool).</summary>
    public static string Sign(string token, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), body));
}
