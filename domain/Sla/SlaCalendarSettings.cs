using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Domain.Sla;

/// <summary>
/// Business hours: a time zone (IANA id), opening hours per weekday ("08:00-18:00", end up to
/// "24:00"), and holidays (local dates). <see cref="AlwaysOpen"/> makes it 24x7.
/// </summary>
public sealed class SlaCalendarSettings
{
    [Required]
    public string Id { get; set; } = "";

    public string TimeZone { get; set; } = "UTC";

    public bool AlwaysOpen { get; set; }

    public Dictionary<DayOfWeek, List<string>> Hours { get; set; } = [];

    public List<DateOnly> Holidays { get; set; } = [];
}
