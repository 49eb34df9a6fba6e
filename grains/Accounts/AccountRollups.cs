using HealthGrid.Configuration;
using HealthGrid.Customers;

namespace HealthGrid.Accounts;

/// <summary>Rolls an account's customers up: revenue-weighted health (equal weights when no revenue), bands, revenue at risk.</summary>
public static class AccountRollups
{
    public static AccountRollup Compute(IReadOnlyCollection<CustomerSummary> customers, HealthModelOptions options)
    {
        var revenue = customers.Sum(c => c.Revenue);
        double health;
        if (customers.Count == 0)
        {
            health = 0;
        }
        else if (revenue > 0)
        {
            health = customers.Sum(c => (double)c.Revenue * c.Health) / (double)revenue;
        }
        else
        {
            health = customers.Average(c => c.Health);
        }

        var bands = new BandCounts(
            customers.Count(c => c.Band == HealthBand.Healthy),
            customers.Count(c => c.Band == HealthBand.AtRisk),
            customers.Count(c => c.Band == HealthBand.Critical));
        var atRisk = customers.Where(c => c.Band != HealthBand.Healthy).Sum(c => c.Revenue);
        return new AccountRollup(customers.Count, revenue, Math.Round(health, 1), options.BandOf(health), bands, atRisk);
    }
}
