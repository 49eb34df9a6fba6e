using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Domain.Customers.Scoring;

/// <summary>
/// The health model: component weights, decay half-lives and priors, band thresholds, how events
/// become observations, and the churn model. Bound from <c>HealthGrid:HealthModel</c>; changes apply
/// to the next event of every customer.
/// </summary>
public sealed class HealthModelOptions
{
    public const string Section = "HealthGrid:HealthModel";

    [Required]
    public Dictionary<HealthComponent, ComponentSettings> Components { get; set; } = [];

    /// <summary>How many observations' worth of weight the prior carries in average-type components.</summary>
    [Range(0.01, 1000)]
    public double PriorStrength { get; set; } = 1;

    [Required]
    public BandThresholds Bands { get; set; } = new();

    [Required]
    public ObservationSettings Observations { get; set; } = new();

    [Required]
    public ChurnModelSettings Churn { get; set; } = new();

    /// <summary>The component settings, or the defaults when the component is not configured.</summary>
    public ComponentSettings For(HealthComponent component) =>
        Components.TryGetValue(component, out var settings) ? settings : new ComponentSettings();

    public HealthBand BandOf(double score) =>
        score < Bands.CriticalBelow ? HealthBand.Critical
        : score < Bands.AtRiskBelow ? HealthBand.AtRisk
        : HealthBand.Healthy;
}
