namespace HealthGrid.Domain.Cases;

/// <summary>SLA clocks met and breached over the last 24 hours, and cases open now.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.SlaCompliance")]
public sealed record SlaCompliance(
    [property: Id(0)] int Met,
    [property: Id(1)] int Breached,
    [property: Id(2)] int Open)
{
    /// <summary>Met as a share of completed clocks; null when none completed.</summary>
    public double? Rate => Met + Breached == 0 ? null : Math.Round((double)Met / (Met + Breached), 4);
}
