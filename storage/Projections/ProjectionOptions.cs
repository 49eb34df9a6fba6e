using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Storage.Projections;

/// <summary>Bound from <c>HealthGrid:Projections</c>.</summary>
public sealed class ProjectionOptions
{
    public const string Section = "HealthGrid:Projections";

    /// <summary>How often each silo writes coalesced directory rows and score changes, and pushes account roll-ups.</summary>
    [Range(typeof(TimeSpan), "00:00:00.005", "00:01:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Embedded mode: score changes kept per customer (PostgreSQL keeps them all).</summary>
    [Range(10, 100_000)]
    public int InMemoryHistoryPerCustomer { get; set; } = 500;
}
