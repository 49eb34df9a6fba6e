using System.Net.Mail;
using HealthGrid.Domain.Configuration;

namespace HealthGrid.Domain.Notifications;

/// <summary>What each kind of contact point needs to be usable.</summary>
internal static class ContactPointChecks
{
    /// <summary>Standard Webhooks: a secret is whsec_ + base64 of 24 to 64 random bytes.</summary>
    private const int MinSecretBytes = 24;
    private const int MaxSecretBytes = 64;
    private const string SecretPrefix = "whsec_";

    public static void Check(ContactPointSettings point, string at, OptionErrors errors)
    {
        if (point.Kind == ChannelKind.Email)
        {
            if (point.To.Count == 0)
            {
                errors.Add($"{at}.to", "an e-mail contact point needs at least one address.");
            }

            for (var i = 0; i < point.To.Count; i++)
            {
                if (!IsMailbox(point.To[i]))
                {
                    errors.Add($"{at}.to[{i}]", $"'{point.To[i]}' is not an e-mail address.");
                }
            }

            return;
        }

        if (!NotificationOptionsValidator.IsHttpUrl(point.Url))
        {
            errors.Add($"{at}.url", "must be an absolute http or https URL.");
        }

        if (point.Kind == ChannelKind.Webhook)
        {
            CheckSecrets(point.Secrets, at, errors);
        }
        else if (point.Secrets.Count > 0)
        {
            errors.Add($"{at}.secrets", "only a webhook contact point has signing secrets.");
        }

        if (point.Kind == ChannelKind.PagerDuty && string.IsNullOrWhiteSpace(point.RoutingKey))
        {
            errors.Add($"{at}.routingKey", "a PagerDuty contact point needs its integration's routing key.");
        }
    }

    public static bool IsMailbox(string text) => MailAddress.TryCreate(text, out _);

    private static void CheckSecrets(List<string> secrets, string at, OptionErrors errors)
    {
        if (secrets.Count is 0 or > 2)
        {
            errors.Add($"{at}.secrets", "one signing secret, or two while rotating.");
        }

        for (var i = 0; i < secrets.Count; i++)
        {
            if (!IsSigningSecret(secrets[i]))
            {
                errors.Add($"{at}.secrets[{i}]", $"must be {SecretPrefix} followed by the base64 of {MinSecretBytes} to {MaxSecretBytes} bytes.");
            }
        }
    }

    private static bool IsSigningSecret(string secret)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var buffer = new byte[MaxSecretBytes + 3];
        return Convert.TryFromBase64String(secret[SecretPrefix.Length..], buffer, out var length) && length is >= MinSecretBytes and <= MaxSecretBytes;
    }
}
