using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Api.Ingest;

/// <summary>Ingest limits; bound from <c>HealthGrid:Ingest</c>.</summary>
public sealed class IngestOptions
{
    public const string Section = "HealthGrid:Ingest";

    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 1_000;

    [Range(1, 1_000_000)]
    public int MaxTextLength { get; set; } = 8_000;

    /// <summary>How far in the future <c>occurredAt</c> may be (clock skew).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How old an event may be.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan MaxEventAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Seconds a client is told to wait (Retry-After) when events cannot be made durable.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 2;
}
