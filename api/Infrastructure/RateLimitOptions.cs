using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Api.Infrastructure;

/// <summary>
/// Per-client request budgets (a token bucket per signed-in subject, or per address before sign-in);
/// bound from <c>HealthGrid:RateLimits</c>. Ingest is sized for a helpdesk integration at peak,
/// reads for a person's dashboard plus scripts.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "HealthGrid:RateLimits";

    [Range(1, 10_000_000)]
    public int IngestPerSecond { get; set; } = 50_000;

    [Range(1, 10_000_000)]
    public int IngestBurst { get; set; } = 100_000;

    [Range(1, 1_000_000)]
    public int ReadsPerSecond { get; set; } = 200;

    [Range(1, 1_000_000)]
    public int ReadsBurst { get; set; } = 400;
}
