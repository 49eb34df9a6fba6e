using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Customers;

namespace HealthGrid.Domain.Continuity;

/// <summary>
/// Turns the impacts a run's customers projected into what the planner reads: totals, revenue at risk
/// per account, a timeline of breaches per hour, the health distribution before, during and after,
/// the escalation load per audience and hour, and the contact order.
/// </summary>
public static class RunAggregator
{
    public static (ContinuityRun Run, ImpactRow[] Rows) Complete(ContinuityRun running, IReadOnlyCollection<CustomerImpact> impacts, IReadOnlyDictionary<string, AccountProfile> accounts, DateTimeOffset completedAt)
    {
        var hours = Math.Max(1, (int)Math.Ceiling((running.DisruptionEnd - running.DisruptionStart).TotalHours));
        var ordered = impacts.OrderBy(i => i, ContactOrder.Instance).ToList();
        var rows = new ImpactRow[ordered.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new ImpactRow(i + 1, accounts.GetValueOrDefault(ordered[i].AccountId)?.AccountManager, ordered[i]);
        }

        var run = running with
        {
            Status = RunStatus.Completed,
            CompletedAt = completedAt,
            ElapsedMilliseconds = Math.Round((completedAt - running.RequestedAt).TotalMilliseconds, 1),
            Processed = running.Candidates,
            AffectedCustomers = impacts.Count,
            CustomersBreaching = impacts.Count(i => i.BreachAfterHours is not null),
            CriticalCustomersBreaching = impacts.Count(i => i.BreachAfterHours is not null && i.IsCritical),
            RevenueAtRisk = impacts.Sum(i => i.RevenueAtRisk),
            SlaBreaches = impacts.Sum(i => i.SlaBreachCount),
            Accounts = [.. Accounts(impacts, accounts)],
            Timeline = Timeline(impacts, hours),
            HealthBefore = Bands(impacts.Select(i => i.BandBefore)),
            HealthDuring = Bands(impacts.Select(i => i.BandDuring)),
            HealthAfter = Bands(impacts.Select(i => i.BandAfter)),
            EscalationLoad = [.. Load(impacts, hours)],
        };
        return (run, rows);
    }

    private static IEnumerable<AccountRisk> Accounts(IEnumerable<CustomerImpact> impacts, IReadOnlyDictionary<string, AccountProfile> accounts) =>
        impacts.GroupBy(i => i.AccountId, StringComparer.Ordinal)
            .Select(g => new AccountRisk(g.Key, accounts.GetValueOrDefault(g.Key)?.Name, g.Count(), g.Count(i => i.BreachAfterHours is not null), g.Sum(i => i.RevenueAtRisk)))
            .OrderByDescending(a => a.RevenueAtRisk).ThenByDescending(a => a.Breaching).ThenBy(a => a.AccountId, StringComparer.Ordinal);

    /// <summary>Per hour of the scenario: customers whose first recovery requirement breaks in it, and SLA clocks that breach in it.</summary>
    private static TimelineHour[] Timeline(IEnumerable<CustomerImpact> impacts, int hours)
    {
        var recovery = new int[hours];
        var sla = new int[hours];
        foreach (var impact in impacts)
        {
            if (impact.BreachAfterHours is { } after)
            {
                recovery[HourOf(after, hours)]++;
            }

            foreach (var breach in impact.SlaBreaches)
            {
                sla[HourOf(breach.AfterHours, hours)]++;
            }
        }

        return [.. Enumerable.Range(0, hours).Select(h => new TimelineHour(h, recovery[h], sla[h]))];
    }

    private static IEnumerable<EscalationLoad> Load(IEnumerable<CustomerImpact> impacts, int hours)
    {
        var perAudience = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var hit in impacts.SelectMany(i => i.Escalations))
        {
            if (!perAudience.TryGetValue(hit.Audience, out var perHour))
            {
                perHour = new int[hours];
                perAudience[hit.Audience] = perHour;
            }

            perHour[Math.Clamp(hit.Hour, 0, hours - 1)]++;
        }

        return perAudience.Select(p => new EscalationLoad(p.Key, p.Value.Sum(), p.Value))
            .OrderByDescending(l => l.Total).ThenBy(l => l.Audience, StringComparer.Ordinal);
    }

    private static BandCounts Bands(IEnumerable<HealthBand> bands)
    {
        var counts = new int[3];
        foreach (var band in bands)
        {
            counts[(int)band]++;
        }

        return new BandCounts(counts[(int)HealthBand.Healthy], counts[(int)HealthBand.AtRisk], counts[(int)HealthBand.Critical]);
    }

    private static int HourOf(double afterHours, int hours) => Math.Clamp((int)Math.Floor(afterHours), 0, hours - 1);

    /// <summary>
    /// Whom to call first: customers whose recovery requirement breaks come before those it holds for;
    /// among them critical customers (criticality critical or tier platinum) first, then by time to
    /// breach. Customers that do not breach follow, critical ones first, then by projected health.
    /// </summary>
    private sealed class ContactOrder : IComparer<CustomerImpact>
    {
        public static readonly ContactOrder Instance = new();

        public int Compare(CustomerImpact? x, CustomerImpact? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? 1 : -1;
            }

            return Key(x).CompareTo(Key(y)) is var byKey and not 0 ? byKey : string.CompareOrdinal(x.CustomerId, y.CustomerId);
        }

        private static (int Breaches, int Critical, double Hours, double Health, decimal Revenue) Key(CustomerImpact i) =>
            (i.BreachAfterHours is null ? 1 : 0, i.IsCritical ? 0 : 1, i.BreachAfterHours ?? 0, i.HealthDuring, -i.Revenue);
    }
}
