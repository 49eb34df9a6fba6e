using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Domain.Customers.Scoring;

/// <summary>
/// How one health component is computed. Average-type components blend their decayed observations
/// with <see cref="Prior"/>; load-type components (support load, SLA breaches) turn a decayed count
/// into a value with <see cref="Scale"/>: value = 100·scale / (scale + count), so the value is 50 at
/// <c>count = scale</c>.
/// </summary>
public sealed class ComponentSettings
{
    [Range(0, 100)]
    public double Weight { get; set; }

    /// <summary>Days after which an observation counts half as much.</summary>
    [Range(0.01, 3650)]
    public double HalfLifeDays { get; set; } = 30;

    /// <summary>The value with no evidence (average-type components).</summary>
    [Range(0, 100)]
    public double Prior { get; set; } = 70;

    /// <summary>The decayed count at which a load-type component reaches 50.</summary>
    [Range(0.01, 1000)]
    public double Scale { get; set; } = 3;
}
