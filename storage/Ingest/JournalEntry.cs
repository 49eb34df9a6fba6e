using HealthGrid.Domain.Ingest;

namespace HealthGrid.Storage.Ingest;

public sealed record JournalEntry(long Seq, Interaction Interaction);
