using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using Microsoft.Extensions.Options;

namespace HealthGrid.Domain.Sla;

/// <summary>
/// Checks SLA configuration before it is used: calendars build (known time zones, well-formed hours),
/// policies name known calendars, match known tiers, severities and channels, have positive targets
/// and valid warnings, escalate to known audiences, and the last policy matches every case.
/// </summary>
public sealed class SlaOptionsValidator : IValidateOptions<SlaOptions>
{
    private static readonly string[] Audiences = ["assignee", "team", "process_owner", "account", "leadership"];

    public ValidateOptionsResult Validate(string? name, SlaOptions options)
    {
        var errors = new List<string>();
        var calendars = new HashSet<string>(StringComparer.Ordinal);
        foreach (var calendar in options.Calendars)
        {
            if (!calendars.Add(calendar.Id))
            {
                errors.Add($"Calendars: '{calendar.Id}' appears more than once.");
            }

            try
            {
                SlaCalendars.Build(calendar);
            }
            catch (ArgumentException ex)
            {
                errors.Add(ex.Message);
            }
        }

        if (options.Policies.Count == 0)
        {
            errors.Add("Policies: at least one SLA policy is required.");
        }
        else if (!MatchesEverything(options.Policies[^1].Match))
        {
            errors.Add($"Policies:{options.Policies[^1].Id}: the last policy must match every case (leave its Match empty).");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var policy in options.Policies)
        {
            if (!ids.Add(policy.Id))
            {
                errors.Add($"Policies: '{policy.Id}' appears more than once.");
            }

            Check(errors, policy, calendars);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(List<string> errors, SlaPolicySettings policy, HashSet<string> calendars)
    {
        var at = $"Policies:{policy.Id}";
        if (!calendars.Contains(policy.Calendar))
        {
            errors.Add($"{at}:Calendar '{policy.Calendar}' is not a calendar.");
        }

        Known<Tier>(errors, $"{at}:Match:Tiers", policy.Match.Tiers);
        Known<Severity>(errors, $"{at}:Match:Severities", policy.Match.Severities);
        Known<Channel>(errors, $"{at}:Match:Channels", policy.Match.Channels);

        var targets = policy.Targets;
        foreach (var (metric, target) in new[] { ("FirstResponse", targets.FirstResponse), ("NextResponse", targets.NextResponse), ("PeriodicUpdate", targets.PeriodicUpdate), ("Resolution", targets.Resolution) })
        {
            if (target is { } t && t <= TimeSpan.Zero)
            {
                errors.Add($"{at}:Targets:{metric} must be positive.");
            }
        }

        foreach (var warning in policy.Warnings)
        {
            var valid = (warning.Percent, warning.Before) switch
            {
                ({ } percent, null) => percent is > 0 and < 100,
                (null, { } before) => before > TimeSpan.Zero,
                _ => false,
            };
            if (!valid)
            {
                errors.Add($"{at}:Warnings: each warning needs either Percent (between 0 and 100) or Before (positive), not both.");
            }
        }

        var escalation = policy.Escalation;
        foreach (var level in escalation.Levels)
        {
            if (!Audiences.Contains(level.Notify, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{at}:Escalation:Levels: '{level.Notify}' is not one of {string.Join(", ", Audiences)}.");
            }

            if (level.Timeout <= TimeSpan.Zero)
            {
                errors.Add($"{at}:Escalation:Levels:{level.Notify}: Timeout must be positive.");
            }
        }

        if (escalation.CriticalCustomersStartAt > 0 && escalation.CriticalCustomersStartAt >= escalation.Levels.Count)
        {
            errors.Add($"{at}:Escalation:CriticalCustomersStartAt {escalation.CriticalCustomersStartAt} is beyond the last level.");
        }
    }

    private static void Known<T>(List<string> errors, string at, List<string> values) where T : struct, Enum
    {
        foreach (var value in values.Where(v => !Enum.TryParse<T>(v.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out _)))
        {
            errors.Add($"{at}: '{value}' is not one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");
        }
    }

    private static bool MatchesEverything(SlaMatchSettings match) =>
        match.Tiers.Count == 0 && match.Severities.Count == 0 && match.Categories.Count == 0 && match.Channels.Count == 0;
}
