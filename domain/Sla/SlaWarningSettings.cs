namespace HealthGrid.Domain.Sla;

/// <summary>A warning before a deadline: at a share of the target (<see cref="Percent"/>) or a business time <see cref="Before"/> it.</summary>
public sealed class SlaWarningSettings
{
    public double? Percent { get; set; }

    public TimeSpan? Before { get; set; }
}
