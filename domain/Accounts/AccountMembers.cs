using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Customers.Scoring;

namespace HealthGrid.Domain.Accounts;

/// <summary>
/// An account's customers (their latest summaries) and the running totals of its roll-up:
/// revenue-weighted health (equal weights when no customer has revenue), customers per band and
/// revenue at risk. Totals move with each summary instead of being recounted, because a key account's
/// grain takes a batch of summaries every flush and may hold thousands of customers. Sums are decimal
/// (health has one decimal place) so that adding and removing never drifts.
/// </summary>
public sealed class AccountMembers
{
    private readonly Dictionary<string, CustomerSummary> members = new(StringComparer.Ordinal);
    private readonly int[] bands = new int[3];
    private decimal revenue;
    private decimal revenueTimesHealth;
    private decimal healthSum;
    private decimal revenueAtRisk;

    public IEnumerable<CustomerSummary> All => members.Values;

    public CustomerSummary? Find(string customerId) => members.GetValueOrDefault(customerId);

    public void Put(CustomerSummary summary)
    {
        if (members.TryGetValue(summary.Id, out var previous))
        {
            Tally(previous, -1);
        }

        members[summary.Id] = summary;
        Tally(summary, 1);
    }

    public void Remove(string customerId)
    {
        if (members.Remove(customerId, out var previous))
        {
            Tally(previous, -1);
        }
    }

    public AccountRollup Rollup(HealthModelOptions options)
    {
        var health = members.Count == 0 ? 0 : (double)(revenue > 0 ? revenueTimesHealth / revenue : healthSum / members.Count);
        return new AccountRollup(
            members.Count,
            revenue,
            Math.Round(health, 1),
            options.BandOf(health),
            new BandCounts(bands[(int)HealthBand.Healthy], bands[(int)HealthBand.AtRisk], bands[(int)HealthBand.Critical]),
            revenueAtRisk);
    }

    private void Tally(CustomerSummary summary, int sign)
    {
        var health = (decimal)summary.Health;
        revenue += sign * summary.Revenue;
        revenueTimesHealth += sign * summary.Revenue * health;
        healthSum += sign * health;
        bands[(int)summary.Band] += sign;
        if (summary.Band != HealthBand.Healthy)
        {
            revenueAtRisk += sign * summary.Revenue;
        }
    }
}
