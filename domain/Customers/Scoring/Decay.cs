namespace HealthGrid.Domain.Customers.Scoring;

/// <summary>Exponential decay by half-life: an observation <c>dt</c> old weighs 2^(−dt / halfLife).</summary>
public static class Decay
{
    public static double Factor(TimeSpan elapsed, double halfLifeDays) =>
        elapsed <= TimeSpan.Zero ? 1 : Math.Pow(2, -elapsed.TotalDays / halfLifeDays);
}
