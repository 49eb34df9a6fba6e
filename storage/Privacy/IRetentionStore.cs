using HealthGrid.Domain.Privacy;

namespace HealthGrid.Storage.Privacy;

/// <summary>
/// Where retention (<see cref="RetentionSettings"/>) removes data outside the grains: texts of old events
/// in the log, resolved cases and alerts with their notifications, the client ids they held, and whole
/// months of the event log. One place per mode, like erasure: what a later feature stores is given its
/// retention here.
/// </summary>
public interface IRetentionStore
{
    /// <summary>
    /// One retention pass at a time for the whole cluster: the lead while it is held, or null when another
    /// silo has it (that silo's pass does the work).
    /// </summary>
    Task<IAsyncDisposable?> TryLeadAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the free text of every logged event received before <paramref name="receivedBefore"/> (<see cref="TextExpiry"/>); how many events changed.</summary>
    Task<long> ExpireTextsAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken);

    /// <summary>Deletes resolved and closed cases, and resolved alerts with their notifications, last updated before <paramref name="updatedBefore"/>; the cases' ids are released.</summary>
    Task<RetentionReport> PurgeResolvedAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken);

    /// <summary>Lets go of events parked before <paramref name="parkedBefore"/> that no mapping resolved; how many.</summary>
    Task<long> PurgeParkedAsync(DateTimeOffset parkedBefore, CancellationToken cancellationToken);

    /// <summary>Releases conversation ids last claimed before <paramref name="claimedBefore"/>; how many.</summary>
    Task<long> ReleaseConversationIdsAsync(DateTimeOffset claimedBefore, CancellationToken cancellationToken);

    /// <summary>The event log's months received before <paramref name="oldestKept"/>, oldest first (none where the log keeps no months).</summary>
    Task<IReadOnlyList<DateOnly>> MonthsBeforeAsync(DateOnly oldestKept, CancellationToken cancellationToken);

    /// <summary>Each stream with events received in <paramref name="month"/>, with the last sequence number it has there.</summary>
    Task<IReadOnlyList<StreamMark>> StreamsInAsync(DateOnly month, CancellationToken cancellationToken);

    /// <summary>
    /// Drops the month from the log with the score changes of its events. The caller has made sure every
    /// stream's snapshot covers the month (<see cref="StreamsInAsync"/>), so no replay needs it again.
    /// </summary>
    Task<RetentionReport> DropMonthAsync(DateOnly month, CancellationToken cancellationToken);
}

/// <summary>A stream of the event log and the last sequence number it has in some month.</summary>
public sealed record StreamMark(string StreamId, long LastSeq, long Events);
