using System.Collections.Concurrent;
using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Projections;
using HealthGrid.Storage.Notifications;
using Microsoft.Extensions.Options;

namespace HealthGrid.Storage.Projections;

/// <summary>
/// Embedded mode's read models, in process memory; the score history keeps the latest changes per
/// customer. Lists scan in memory, which suits embedded mode's size.
/// </summary>
public sealed class InMemoryProjectionStore(IOptions<ProjectionOptions> options, InMemoryNotificationStore notifications) : IProjectionStore
{
    private readonly int historyPerCustomer = options.Value.InMemoryHistoryPerCustomer;
    private readonly ConcurrentDictionary<string, CustomerSummary> customers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> customersByAccount = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AccountProfile> accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ScoreHistoryRing> history = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CaseView> cases = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> timers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Alert> alerts = new(StringComparer.Ordinal);
    private readonly DependencyIndex dependencies = new();

    public Task WriteAsync(ProjectionBatch batch, CancellationToken cancellationToken)
    {
        foreach (var summary in batch.Summaries)
        {
            Upsert(summary);
        }

        foreach (var change in batch.Changes)
        {
            Append(change);
        }

        foreach (var @case in batch.Cases)
        {
            cases.AddOrUpdate(@case.Id, @case, (_, existing) => @case.Version >= existing.Version ? @case : existing);
        }

        foreach (var alert in batch.Alerts)
        {
            alerts.AddOrUpdate(alert.Id, alert, (_, existing) => alert.Version >= existing.Version ? alert : existing);
        }

        foreach (var customer in batch.Dependencies)
        {
            dependencies.Put(customer);
        }

        notifications.Decide(batch.Notifications);

        foreach (var timer in batch.Timers)
        {
            if (timer.NextAt is { } at)
            {
                timers[timer.CustomerId] = at;
            }
            else
            {
                timers.TryRemove(timer.CustomerId, out _);
            }
        }

        return Task.CompletedTask;
    }

    public Task<string[]> GetDependentsAsync(IReadOnlyCollection<DisruptionNode> nodes, CancellationToken cancellationToken) => Task.FromResult(dependencies.Dependents(nodes));

    public Task<DependencyNodeView[]> ListDependencyNodesAsync(CancellationToken cancellationToken) => Task.FromResult(dependencies.Nodes());

    public Task<string[]> ListCustomerIdsAsync(CancellationToken cancellationToken) => Task.FromResult<string[]>([.. customers.Keys]);

    public Task<string[]> ListCustomersWithOpenCasesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<string[]>([.. cases.Values.Where(c => c.IsOpen).Select(c => c.CustomerId).Distinct(StringComparer.Ordinal)]);

    public Task<string[]> GetCustomersWithTimersBeforeAsync(DateTimeOffset until, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<string[]>([.. timers.Where(t => t.Value <= until).OrderBy(t => t.Value).Take(limit).Select(t => t.Key)]);

    public Task<CasePage> QueryCasesAsync(CaseQuery query, CancellationToken cancellationToken)
    {
        var matching = cases.Values.Where(c => CustomerFilter.Matches(query, c)).ToList();
        matching.Sort(CustomerFilter.Compare);
        return Task.FromResult(new CasePage([.. matching.Skip(query.Offset).Take(query.Limit)], matching.Count, query.Offset, query.Limit));
    }

    public Task<CaseView?> GetCaseAsync(string caseId, CancellationToken cancellationToken) => Task.FromResult(cases.GetValueOrDefault(caseId));

    public Task<AlertPage> QueryAlertsAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        var matching = alerts.Values.Where(a => CustomerFilter.Matches(query, a)).OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        return Task.FromResult(new AlertPage([.. matching.Skip(query.Offset).Take(query.Limit)], matching.Count, query.Offset, query.Limit));
    }

    public Task<Alert?> GetAlertAsync(string alertId, CancellationToken cancellationToken) => Task.FromResult(alerts.GetValueOrDefault(alertId));

    public Task<BandCounts> CountBandsAsync(CancellationToken cancellationToken)
    {
        var counts = new int[3];
        foreach (var customer in customers.Values)
        {
            counts[(int)customer.Band]++;
        }

        return Task.FromResult(new BandCounts(counts[(int)HealthBand.Healthy], counts[(int)HealthBand.AtRisk], counts[(int)HealthBand.Critical]));
    }

    public Task<decimal> TotalRevenueAsync(CancellationToken cancellationToken) => Task.FromResult(customers.Values.Sum(c => c.Revenue));

    public Task UpsertAccountAsync(AccountProfile account, CancellationToken cancellationToken)
    {
        accounts[account.Id] = account;
        return Task.CompletedTask;
    }

    public Task<CustomerPage> QueryCustomersAsync(CustomerQuery query, CancellationToken cancellationToken)
    {
        IEnumerable<CustomerSummary> candidates = query.AccountId is { } accountId
            ? (customersByAccount.TryGetValue(accountId, out var ids) ? ids.Keys : []).Select(id => customers.GetValueOrDefault(id)).OfType<CustomerSummary>()
            : customers.Values;
        var matching = candidates.Where(c => CustomerFilter.Matches(query, c)).ToList();
        matching.Sort(CustomerFilter.Compare);
        var page = matching.Skip(query.Offset).Take(query.Limit).ToArray();
        return Task.FromResult(new CustomerPage(page, matching.Count, query.Offset, query.Limit));
    }

    public Task<CustomerSummary[]> GetAccountCustomersAsync(string accountId, CancellationToken cancellationToken) =>
        Task.FromResult(customersByAccount.TryGetValue(accountId, out var ids)
            ? ids.Keys.Select(id => customers.GetValueOrDefault(id)).OfType<CustomerSummary>().Where(c => c.AccountId == accountId).ToArray()
            : []);

    public Task<AccountProfile[]> ListAccountsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(accounts.Values.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToArray());

    public Task<ScoreChange[]> GetScoreHistoryAsync(string customerId, long? before, int limit, CancellationToken cancellationToken) =>
        Task.FromResult(history.TryGetValue(customerId, out var changes) ? changes.Newest(before, limit) : []);

    private void Upsert(CustomerSummary summary)
    {
        var previous = customers.GetValueOrDefault(summary.Id);
        customers.AddOrUpdate(summary.Id, summary, (_, existing) => summary.IsNotOlderThan(existing) ? summary : existing);
        if (previous?.AccountId == summary.AccountId)
        {
            return;
        }

        if (previous is not null && customersByAccount.TryGetValue(previous.AccountId, out var old))
        {
            old.TryRemove(summary.Id, out _);
        }

        customersByAccount.GetOrAdd(summary.AccountId, _ => new(StringComparer.Ordinal))[summary.Id] = 0;
    }

    private void Append(ScoreChange change) =>
        history.GetOrAdd(change.CustomerId, static (_, capacity) => new ScoreHistoryRing(capacity), historyPerCustomer).Append(change);

    /// <summary>Erasure: the customer's directory row, score history, cases, alerts, timer and dependencies; the counts of what went, and the ids of its alerts (their notifications go too).</summary>
    internal (int ScoreChanges, int Cases, string[] Alerts) Erase(string customerId)
    {
        var changes = history.TryRemove(customerId, out var ring) ? ring.Count : 0;
        if (customers.TryRemove(customerId, out var summary) && customersByAccount.TryGetValue(summary.AccountId, out var members))
        {
            members.TryRemove(customerId, out _);
        }

        var erasedCases = cases.Values.Where(c => c.CustomerId == customerId).Select(c => c.Id).ToList();
        foreach (var id in erasedCases)
        {
            cases.TryRemove(id, out _);
        }

        var erasedAlerts = alerts.Values.Where(a => a.CustomerId == customerId).Select(a => a.Id).ToArray();
        foreach (var id in erasedAlerts)
        {
            alerts.TryRemove(id, out _);
        }

        timers.TryRemove(customerId, out _);
        dependencies.Remove(customerId);
        return (changes, erasedCases.Count, erasedAlerts);
    }

    /// <summary>Retention: resolved and closed cases, and resolved alerts, last updated before <paramref name="before"/>; the ids of what went.</summary>
    internal (string[] Cases, string[] Alerts) PurgeResolved(DateTimeOffset before)
    {
        var purgedCases = cases.Values.Where(c => !c.IsOpen && c.UpdatedAt < before).Select(c => c.Id).ToArray();
        foreach (var id in purgedCases)
        {
            cases.TryRemove(id, out _);
        }

        var purgedAlerts = alerts.Values.Where(a => !a.IsOpen && a.UpdatedAt < before).Select(a => a.Id).ToArray();
        foreach (var id in purgedAlerts)
        {
            alerts.TryRemove(id, out _);
        }

        return (purgedCases, purgedAlerts);
    }

    public Task<string[]> GetCustomersTrailingTheLogAsync(CancellationToken cancellationToken) => Task.FromResult<string[]>([]);
}
