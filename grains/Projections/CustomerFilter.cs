using HealthGrid.Customers;

namespace HealthGrid.Projections;

/// <summary>The directory's filter and order, shared by every store so they answer alike.</summary>
public static class CustomerFilter
{
    public static bool Matches(CustomerQuery q, CustomerSummary c) =>
        (q.AccountId is null || c.AccountId == q.AccountId)
        && (q.Band is null || c.Band == q.Band)
        && (q.Tier is null || c.Tier == q.Tier)
        && (q.Region is null || string.Equals(c.Region, q.Region, StringComparison.OrdinalIgnoreCase))
        && (q.Segment is null || string.Equals(c.Segment, q.Segment, StringComparison.OrdinalIgnoreCase))
        && (q.Criticality is null || c.Criticality == q.Criticality)
        && (q.ChurnLevel is null || c.ChurnLevel == q.ChurnLevel);

    /// <summary>Least healthy first, then by id so pages are stable.</summary>
    public static int Compare(CustomerSummary a, CustomerSummary b)
    {
        var byHealth = a.Health.CompareTo(b.Health);
        return byHealth != 0 ? byHealth : string.CompareOrdinal(a.Id, b.Id);
    }
}
