using HealthGrid.Domain.Ingest;

namespace HealthGrid.Api.Ingest;

/// <summary>What became of one event; <see cref="Errors"/> names the fields at fault when rejected.</summary>
public sealed record EventResult(int Index, string? EventId, IngestStatus Status, Dictionary<string, string[]>? Errors = null);
