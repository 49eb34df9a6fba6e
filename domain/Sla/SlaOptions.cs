using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Domain.Sla;

/// <summary>
/// SLA calendars and policies; bound from <c>HealthGrid:Sla</c>. The last policy should match
/// everything. A change applies to open cases at once.
/// </summary>
public sealed class SlaOptions
{
    public const string Section = "HealthGrid:Sla";

    /// <summary>The shortest <see cref="ReminderPeriod"/> allowed (its range's floor), and so the silo's reminder floor.</summary>
    public static readonly TimeSpan MinimumReminderPeriod = TimeSpan.FromSeconds(1);

    public List<SlaCalendarSettings> Calendars { get; set; } = [];

    public List<SlaPolicySettings> Policies { get; set; } = [];

    /// <summary>How often the reminder of a customer with open deadlines fires: the most a deadline can be late after a failover.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Resolved cases leave the customer's live state after this (they stay listed).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan KeepResolvedFor { get; set; } = TimeSpan.FromDays(7);
}
