using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Domain.Privacy;

/// <summary>
/// How long HealthGrid keeps each kind of data, in the <c>privacy</c> configuration area; 0 keeps that
/// kind until the customer is erased.
/// </summary>
public sealed class RetentionSettings
{
    /// <summary>
    /// Months the event log keeps an event. The log is partitioned by calendar month (UTC) of receipt and
    /// a month goes whole, once its last day is this many months old.
    /// </summary>
    [Range(0, 1200)]
    public int EventMonths { get; set; } = 13;

    /// <summary>Days before the free text of a logged event (a chat line, a verbatim, a complaint) is replaced by <see cref="TextExpiry.Marker"/>; the analyzer's reading of it is kept.</summary>
    [Range(0, 36_500)]
    public int TextDays { get; set; } = 90;

    /// <summary>Days a resolved case, and a resolved alert with its notifications, stay listed after they were last updated.</summary>
    [Range(0, 36_500)]
    public int ResolvedCaseDays { get; set; } = 730;

    /// <summary>Days an event no identity mapping resolves stays parked before it is let go.</summary>
    [Range(0, 36_500)]
    public int ParkedDays { get; set; } = 30;

    /// <summary>How often a silo applies these rules.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Every { get; set; } = TimeSpan.FromHours(1);
}
