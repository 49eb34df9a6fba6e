using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Storage.Ingest;

/// <summary>Bound from <c>HealthGrid:Journal</c>.</summary>
public sealed class JournalOptions
{
    public const string Section = "HealthGrid:Journal";

    /// <summary>Embedded mode: how many recent event ids are remembered for duplicate detection.</summary>
    [Range(1_000, 100_000_000)]
    public int InMemoryIdempotencyWindow { get; set; } = 1_000_000;

    /// <summary>PostgreSQL mode: the most events one group commit writes.</summary>
    [Range(1, 100_000)]
    public int MaxBatch { get; set; } = 5_000;
}
