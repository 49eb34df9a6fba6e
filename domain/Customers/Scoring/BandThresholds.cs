using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Domain.Customers.Scoring;

/// <summary>Scores below <see cref="AtRiskBelow"/> are at risk; below <see cref="CriticalBelow"/> critical.</summary>
public sealed class BandThresholds
{
    [Range(0, 100)]
    public double AtRiskBelow { get; set; } = 70;

    [Range(0, 100)]
    public double CriticalBelow { get; set; } = 45;
}
