using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Configuration;

namespace HealthGrid.Domain.Notifications;

/// <summary>
/// Which of an organisation's templates writes a part of a message, and what makes a template usable.
/// The lookup goes from the most specific to the least: type and channel, type, channel, neither; when
/// none matches, the shipped default (itself per type where one ships) is used.
/// </summary>
public static class NotificationTemplates
{
    public const int MaxBodyLength = 20_000;

    public static bool IsDigest(TemplatePart part) => part is TemplatePart.DigestSubject or TemplatePart.DigestText or TemplatePart.DigestHtml;

    public static string? Pick(IReadOnlyList<TemplateSettings> templates, TemplatePart part, AlertType? type, ChannelKind channel)
    {
        TemplateSettings? best = null;
        var bestScore = -1;
        foreach (var template in templates)
        {
            if (template.Part != part || (template.Type is { } t && t != type) || (template.Channel is { } c && c != channel))
            {
                continue;
            }

            // A type is more specific than a channel: "breaches everywhere" beats "everything in Slack".
            var score = (template.Type is null ? 0 : 2) + (template.Channel is null ? 0 : 1);
            if (score > bestScore)
            {
                (best, bestScore) = (template, score);
            }
        }

        return best?.Body;
    }

    /// <summary>Each template complete, applicable, parsing (<paramref name="parseError"/>: the engine's message, null when it parses) and not a duplicate.</summary>
    public static void Check(IReadOnlyList<TemplateSettings> templates, Func<string, string?> parseError, OptionErrors errors)
    {
        for (var i = 0; i < templates.Count; i++)
        {
            var template = templates[i];
            var at = $"templates[{i}]";
            if (IsDigest(template.Part) && template.Type is not null)
            {
                errors.Add($"{at}.type", "a digest carries alerts of several types: digest templates are per channel only.");
            }

            if (template.Part is TemplatePart.Html or TemplatePart.DigestHtml && template.Channel is { } channel && channel != ChannelKind.Email)
            {
                errors.Add($"{at}.channel", "HTML bodies are rendered for e-mail only.");
            }

            if (string.IsNullOrWhiteSpace(template.Body))
            {
                errors.Add($"{at}.body", "is required.");
            }
            else if (template.Body.Length > MaxBodyLength)
            {
                errors.Add($"{at}.body", $"at most {MaxBodyLength} characters.");
            }
            else if (parseError(template.Body) is { } error)
            {
                errors.Add($"{at}.body", $"is not a valid Liquid template: {error}");
            }

            for (var j = 0; j < i; j++)
            {
                if (templates[j].Part == template.Part && templates[j].Type == template.Type && templates[j].Channel == template.Channel)
                {
                    errors.Add(at, $"the same part, type and channel as templates[{j}].");
                    break;
                }
            }
        }
    }
}
