using HealthGrid.Domain.Configuration;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Wire;

namespace HealthGrid.Domain.Sla;

/// <summary>
/// Checks SLA configuration before it is used: calendars have known time zones and well-formed hours,
/// policies name known calendars, match known tiers, severities and channels, have positive targets
/// and valid warnings, escalate to known audiences, and the last policy matches every case.
/// </summary>
public sealed class SlaOptionsValidator : OptionsValidator<SlaOptions>
{
    public static readonly string[] Audiences = ["assignee", "team", "process_owner", "account", "leadership"];

    protected override void Check(SlaOptions options, OptionErrors errors)
    {
        errors.Unique("calendars", options.Calendars.Select(c => c.Id));
        for (var i = 0; i < options.Calendars.Count; i++)
        {
            CheckCalendar(errors, $"calendars[{i}]", options.Calendars[i]);
        }

        if (options.Policies.Count == 0)
        {
            errors.Add("policies", "at least one SLA policy is required.");
        }
        else if (!MatchesEverything(options.Policies[^1].Match))
        {
            errors.Add($"policies[{options.Policies.Count - 1}].match", "the last policy must match every case (leave its match empty).");
        }

        errors.Unique("policies", options.Policies.Select(p => p.Id));
        var calendars = options.Calendars.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < options.Policies.Count; i++)
        {
            CheckPolicy(errors, $"policies[{i}]", options.Policies[i], calendars);
        }
    }

    private static void CheckCalendar(OptionErrors errors, string at, SlaCalendarSettings calendar)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(calendar.TimeZone, out _))
        {
            errors.Add($"{at}.timeZone", $"unknown time zone '{calendar.TimeZone}'.");
        }

        if (calendar.AlwaysOpen)
        {
            return;
        }

        foreach (var (day, spans) in calendar.Hours)
        {
            for (var s = 0; s < spans.Count; s++)
            {
                if (!SlaCalendars.TryParseSpan(spans[s], out _))
                {
                    errors.Add($"{at}.hours.{EnumNames<DayOfWeek>.Name(day)}[{s}]", $"'{spans[s]}' is not a span like 08:00-18:00 (the end may be 24:00).");
                }
            }
        }

        if (!calendar.Hours.Values.Any(spans => spans.Count > 0))
        {
            errors.Add($"{at}.hours", "a calendar that is not always open needs opening hours on at least one day.");
        }
    }

    private static void CheckPolicy(OptionErrors errors, string at, SlaPolicySettings policy, HashSet<string> calendars)
    {
        if (!calendars.Contains(policy.Calendar))
        {
            errors.Add($"{at}.calendar", $"'{policy.Calendar}' is not a calendar.");
        }

        Known<Tier>(errors, $"{at}.match.tiers", policy.Match.Tiers);
        Known<Severity>(errors, $"{at}.match.severities", policy.Match.Severities);
        Known<Channel>(errors, $"{at}.match.channels", policy.Match.Channels);

        var targets = policy.Targets;
        foreach (var (metric, target) in new[] { ("firstResponse", targets.FirstResponse), ("nextResponse", targets.NextResponse), ("periodicUpdate", targets.PeriodicUpdate), ("resolution", targets.Resolution) })
        {
            if (target is { } t && t <= TimeSpan.Zero)
            {
                errors.Add($"{at}.targets.{metric}", "must be positive.");
            }
        }

        for (var w = 0; w < policy.Warnings.Count; w++)
        {
            var warning = policy.Warnings[w];
            var valid = (warning.Percent, warning.Before) switch
            {
                ({ } percent, null) => percent is > 0 and < 100,
                (null, { } before) => before > TimeSpan.Zero,
                _ => false,
            };
            if (!valid)
            {
                errors.Add($"{at}.warnings[{w}]", "each warning needs either percent (between 0 and 100) or before (positive), not both.");
            }
        }

        var escalation = policy.Escalation;
        for (var l = 0; l < escalation.Levels.Count; l++)
        {
            var level = escalation.Levels[l];
            if (!Audiences.Contains(level.Notify, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{at}.escalation.levels[{l}].notify", $"'{level.Notify}' is not one of {string.Join(", ", Audiences)}.");
            }

            if (level.Timeout <= TimeSpan.Zero)
            {
                errors.Add($"{at}.escalation.levels[{l}].timeout", "must be positive.");
            }
        }

        if (escalation.CriticalCustomersStartAt > 0 && escalation.CriticalCustomersStartAt >= escalation.Levels.Count)
        {
            errors.Add($"{at}.escalation.criticalCustomersStartAt", $"{escalation.CriticalCustomersStartAt} is beyond the last level.");
        }
    }

    private static void Known<T>(OptionErrors errors, string at, List<string> values)
        where T : struct, Enum
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!Enum.TryParse<T>(values[i].Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out _))
            {
                errors.Add($"{at}[{i}]", $"'{values[i]}' is not one of {EnumNames<T>.Allowed}.");
            }
        }
    }

    private static bool MatchesEverything(SlaMatchSettings match) =>
        match.Tiers.Count == 0 && match.Severities.Count == 0 && match.Categories.Count == 0 && match.Channels.Count == 0;
}
