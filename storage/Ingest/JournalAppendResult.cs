namespace HealthGrid.Storage.Ingest;

/// <summary>One appended event: accepted with its sequence number, or a duplicate of an earlier event id.</summary>
public readonly record struct JournalAppendResult(bool Accepted, long Seq)
{
    public static readonly JournalAppendResult Duplicate = new(false, 0);

    public static JournalAppendResult AcceptedAt(long seq) => new(true, seq);
}
