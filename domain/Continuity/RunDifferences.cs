namespace HealthGrid.Domain.Continuity;

/// <summary>The customers whose projection differs between two runs: the largest change in revenue at risk first, then those that breach in one run only.</summary>
public static class RunDifferences
{
    public static (CustomerDelta[] Deltas, int Differing) Between(IEnumerable<CustomerImpact> a, IEnumerable<CustomerImpact> b, int limit)
    {
        var left = a.ToDictionary(i => i.CustomerId, StringComparer.Ordinal);
        var right = b.ToDictionary(i => i.CustomerId, StringComparer.Ordinal);
        var deltas = new List<CustomerDelta>();
        foreach (var id in left.Keys.Union(right.Keys, StringComparer.Ordinal))
        {
            var x = left.GetValueOrDefault(id);
            var y = right.GetValueOrDefault(id);
            if (x is not null && y is not null && x.BreachAfterHours == y.BreachAfterHours && x.BandDuring == y.BandDuring && x.RevenueAtRisk == y.RevenueAtRisk)
            {
                continue;
            }

            deltas.Add(new CustomerDelta(id, (x ?? y)!.Name, x?.BreachAfterHours, y?.BreachAfterHours, x?.BandDuring, y?.BandDuring, x?.RevenueAtRisk ?? 0, y?.RevenueAtRisk ?? 0));
        }

        var ordered = deltas
            .OrderByDescending(d => Math.Abs(d.RevenueAtRiskA - d.RevenueAtRiskB))
            .ThenByDescending(d => (d.BreachAfterHoursA is null) != (d.BreachAfterHoursB is null))
            .ThenBy(d => d.CustomerId, StringComparer.Ordinal)
            .Take(limit)
            .ToArray();
        return (ordered, deltas.Count);
    }
}
