using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Domain.Continuity;

/// <summary>Bound from <c>HealthGrid:Continuity</c>.</summary>
public sealed class ContinuityOptions
{
    public const string Section = "HealthGrid:Continuity";

    /// <summary>Customer projections a run keeps in flight at once.</summary>
    [Range(1, 100_000)]
    public int Parallelism { get; set; } = 2_000;

    /// <summary>How often a run pushes its progress to planners' dashboards.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan ProgressEvery { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Open cases take part in a run when its disruption starts within this time from now (a disruption happening now).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan OpenCasesWithin { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Embedded mode: the most runs kept in memory (the oldest go first).</summary>
    [Range(1, 10_000)]
    public int RunsKeptInMemory { get; set; } = 50;
}
