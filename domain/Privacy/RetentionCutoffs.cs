namespace HealthGrid.Domain.Privacy;

/// <summary>
/// What the retention rules (<see cref="RetentionSettings"/>) let go at <c>now</c>: texts of events
/// received before <see cref="TextsReceivedBefore"/>, resolved cases and alerts last updated before
/// <see cref="ResolvedBefore"/>, the event log's months before <see cref="OldestMonthKept"/>, and events
/// parked before <see cref="ParkedBefore"/> for want of a customer. Null: that
/// kind is kept (its setting is 0).
/// </summary>
public sealed record RetentionCutoffs(DateTimeOffset? TextsReceivedBefore, DateTimeOffset? ResolvedBefore, DateOnly? OldestMonthKept, DateTimeOffset? ParkedBefore = null)
{
    public static RetentionCutoffs At(DateTimeOffset now, RetentionSettings settings)
    {
        var utc = now.UtcDateTime;
        var thisMonth = new DateOnly(utc.Year, utc.Month, 1);
        return new RetentionCutoffs(
            settings.TextDays > 0 ? now - TimeSpan.FromDays(settings.TextDays) : null,
            settings.ResolvedCaseDays > 0 ? now - TimeSpan.FromDays(settings.ResolvedCaseDays) : null,

            // A month goes whole once its last day is EventMonths old: every event is kept at least that long.
            settings.EventMonths > 0 ? thisMonth.AddMonths(-settings.EventMonths) : null,
            settings.ParkedDays > 0 ? now - TimeSpan.FromDays(settings.ParkedDays) : null);
    }

    /// <summary>The start of the oldest month kept, in UTC: what was first seen before it is as old as the dropped months.</summary>
    public DateTimeOffset? OldestKeptFrom => OldestMonthKept is { } month ? new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
}
