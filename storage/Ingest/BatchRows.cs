using HealthGrid.Domain.Ingest;

namespace HealthGrid.Storage.Ingest;

/// <summary>
/// One group commit's rows, as the INSERT's column arrays. An id that comes twice goes once: the
/// first copy is the one written, the second is answered as a duplicate.
/// </summary>
internal sealed class BatchRows(int capacity)
{
    /// <summary>
    /// How long before it occurred an event can have been received: ingest refuses an <c>occurredAt</c>
    /// further in the future than its clock skew, which is at most a day (<c>HealthGrid:Ingest:MaxClockSkew</c>).
    /// </summary>
    private static readonly TimeSpan LongestClockSkew = TimeSpan.FromDays(1);

    private readonly HashSet<string> seen = new(capacity, StringComparer.Ordinal);

    public List<string> Ids { get; } = new(capacity);

    public List<string> Streams { get; } = new(capacity);

    public List<DateTime> Received { get; } = new(capacity);

    public List<DateOnly> ReceivedMonths { get; } = new(capacity);

    /// <summary>
    /// Per row, the earliest month its original can be in, if this is a retry: the month of its
    /// <c>occurredAt</c> less the longest clock skew. A retry carries its original's <c>occurredAt</c>.
    /// </summary>
    public List<DateOnly> EarliestMonths { get; } = new(capacity);

    public List<string> Payloads { get; } = new(capacity);

    /// <summary>The months of receipt in the batch: the partitions it writes to.</summary>
    public HashSet<DateOnly> Months { get; } = [];

    /// <summary>
    /// Whether some row could be a retry of an event received in an earlier month (one that occurred
    /// before this month began: a back-filled or late event). The partition's unique key sees only its
    /// own month, so such rows are checked against the earlier months; live events never need it.
    /// </summary>
    public bool ReachesEarlierMonths { get; private set; }

    public void Add(Interaction e, string streamId, string payload)
    {
        if (!seen.Add(e.EventId))
        {
            return;
        }

        var month = EventLogPartitions.MonthOf(e.ReceivedAt);
        var earliest = EventLogPartitions.MonthOf(e.OccurredAt - LongestClockSkew);
        Ids.Add(e.EventId);
        Streams.Add(streamId);
        Received.Add(e.ReceivedAt.UtcDateTime);
        ReceivedMonths.Add(month);
        EarliestMonths.Add(earliest);
        Payloads.Add(payload);
        Months.Add(month);
        ReachesEarlierMonths |= earliest < month;
    }
}
