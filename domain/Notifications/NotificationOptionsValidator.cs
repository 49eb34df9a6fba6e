using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Configuration;

namespace HealthGrid.Domain.Notifications;

/// <summary>
/// What makes a notifications document usable: contact points complete for their kind (an address, a
/// URL, signing secrets of the Standard Webhooks form), recipients and rules naming only what exists,
/// quiet hours naming an SLA calendar (<paramref name="calendarIds"/>: those of the SLA area in force),
/// templates that the template engine parses (<paramref name="templateError"/>: its message, or null).
/// </summary>
public sealed class NotificationOptionsValidator(Func<IReadOnlyCollection<string>> calendarIds, Func<string, string?> templateError) : OptionsValidator<NotificationOptions>
{
    private const int MaxRetries = 20;

    protected override void Check(NotificationOptions options, OptionErrors errors)
    {
        if (!IsHttpUrl(options.DashboardUrl))
        {
            errors.Add("dashboardUrl", "must be an absolute http or https URL.");
        }

        CheckRetries(options.RetrySchedule, errors);
        errors.Unique("contactPoints", options.ContactPoints.Select(c => c.Id));
        for (var i = 0; i < options.ContactPoints.Count; i++)
        {
            ContactPointChecks.Check(options.ContactPoints[i], $"contactPoints[{i}]", errors);
        }

        if (options.ContactPoints.Any(c => c.Kind == ChannelKind.Email && c.Enabled) && string.IsNullOrWhiteSpace(options.Smtp.Host))
        {
            errors.Add("smtp.host", "is required when an e-mail contact point is enabled.");
        }

        if (options.Smtp.From.Length > 0 && !ContactPointChecks.IsMailbox(options.Smtp.From))
        {
            errors.Add("smtp.from", $"'{options.Smtp.From}' is not an e-mail address.");
        }

        CheckRecipients(options, errors);
        CheckRules(options, errors);
        NotificationTemplates.Check(options.Templates, templateError, errors);
    }

    internal static bool IsHttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static void CheckRetries(List<TimeSpan> schedule, OptionErrors errors)
    {
        if (schedule.Count > MaxRetries)
        {
            errors.Add("retrySchedule", $"at most {MaxRetries} retries.");
        }

        for (var i = 0; i < schedule.Count; i++)
        {
            if (schedule[i] < TimeSpan.FromSeconds(1) || schedule[i] > TimeSpan.FromDays(1))
            {
                errors.Add($"retrySchedule[{i}]", "must be between 00:00:01 and 1.00:00:00.");
            }
        }
    }

    private static void CheckRecipients(NotificationOptions options, OptionErrors errors)
    {
        var points = options.ContactPoints.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var audiences = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Recipients.Count; i++)
        {
            var at = $"recipients[{i}]";
            var recipient = options.Recipients[i];
            if (!Audience.TryParse(recipient.Audience, out var audience))
            {
                errors.Add($"{at}.audience", "must be user:<id>, team:<id>, owner:<id>, account:<id>, leadership or operators.");
                continue;
            }

            if (!audiences.Add(audience.Group))
            {
                errors.Add($"{at}.audience", $"'{audience.Group}' appears more than once.");
            }

            for (var p = 0; p < recipient.ContactPoints.Count; p++)
            {
                if (!points.Contains(recipient.ContactPoints[p]))
                {
                    errors.Add($"{at}.contactPoints[{p}]", $"'{recipient.ContactPoints[p]}' is not a contact point.");
                }
            }

            if (audience.Kind != AudienceKind.Team && recipient.Members.Count > 0)
            {
                errors.Add($"{at}.members", "only a team has members.");
            }
        }

        for (var i = 0; i < options.Recipients.Count; i++)
        {
            var members = options.Recipients[i].Members;
            for (var m = 0; m < members.Count; m++)
            {
                if (!audiences.Contains(new Audience(AudienceKind.User, members[m]).Group))
                {
                    errors.Add($"recipients[{i}].members[{m}]", $"'{members[m]}' has no recipient entry user:{members[m]}.");
                }
            }
        }
    }

    private void CheckRules(NotificationOptions options, OptionErrors errors)
    {
        errors.Unique("rules", options.Rules.Select(r => r.Id));
        var calendars = calendarIds();
        for (var i = 0; i < options.Rules.Count; i++)
        {
            var at = $"rules[{i}]";
            var rule = options.Rules[i];
            if (rule.Steps.Count == 0)
            {
                errors.Add($"{at}.steps", "at least one step is required.");
            }

            for (var s = 0; s < rule.Steps.Count; s++)
            {
                var step = rule.Steps[s];
                if (step.Channels.Count == 0)
                {
                    errors.Add($"{at}.steps[{s}].channels", "at least one channel is required.");
                }

                if (step.After < TimeSpan.Zero || step.After > TimeSpan.FromDays(7))
                {
                    errors.Add($"{at}.steps[{s}].after", "must be between 00:00:00 and 7.00:00:00.");
                }
                else if (s > 0 && step.After < rule.Steps[s - 1].After)
                {
                    errors.Add($"{at}.steps[{s}].after", "steps are in order: no earlier than the step before.");
                }
            }

            if (rule.QuietHoursCalendar is { } calendar && !calendars.Contains(calendar))
            {
                errors.Add($"{at}.quietHoursCalendar", $"'{calendar}' is not an SLA calendar.");
            }
        }
    }
}
