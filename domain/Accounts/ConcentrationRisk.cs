using HealthGrid.Domain.Customers;

namespace HealthGrid.Domain.Accounts;

/// <summary>
/// Whether an account is a concentration risk: its share of all revenue at or above the threshold
/// while its health is at risk or worse.
/// </summary>
public static class ConcentrationRisk
{
    /// <summary>The account's share of <paramref name="totalRevenue"/> (0 when there is no revenue at all).</summary>
    public static double ShareOf(AccountRollup rollup, decimal totalRevenue) =>
        totalRevenue <= 0 ? 0 : (double)(rollup.Revenue / totalRevenue);

    public static bool Applies(AccountRollup rollup, decimal totalRevenue, double threshold) =>
        rollup.CustomerCount > 0 && rollup.Band != HealthBand.Healthy && ShareOf(rollup, totalRevenue) >= threshold;
}
