namespace HealthGrid.Ingest;

public sealed record JournalEntry(long Seq, Interaction Interaction);
