using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Projections;

namespace HealthGrid.Storage.Projections;

/// <summary>
/// The read models projected from the live model: the customer and account directory (for lists
/// and filters that must not call every grain), the score history (the audit trail of changes), the
/// case list, the alerts, and the index from each dependency node to its customers. Writes are idempotent: a row older than the stored one (by version) is
/// ignored, a change is keyed by sequence.
/// </summary>
public interface IProjectionStore
{
    Task WriteAsync(ProjectionBatch batch, CancellationToken cancellationToken);

    Task UpsertAccountAsync(AccountProfile account, CancellationToken cancellationToken);

    Task<CustomerPage> QueryCustomersAsync(CustomerQuery query, CancellationToken cancellationToken);

    Task<CustomerSummary[]> GetAccountCustomersAsync(string accountId, CancellationToken cancellationToken);

    Task<AccountProfile[]> ListAccountsAsync(CancellationToken cancellationToken);

    /// <summary>Changes newest first, older than <paramref name="before"/> when given.</summary>
    Task<ScoreChange[]> GetScoreHistoryAsync(string customerId, long? before, int limit, CancellationToken cancellationToken);

    Task<CasePage> QueryCasesAsync(CaseQuery query, CancellationToken cancellationToken);

    Task<CaseView?> GetCaseAsync(string caseId, CancellationToken cancellationToken);

    Task<AlertPage> QueryAlertsAsync(AlertQuery query, CancellationToken cancellationToken);

    Task<Alert?> GetAlertAsync(string alertId, CancellationToken cancellationToken);

    /// <summary>How many customers are in each band now.</summary>
    Task<BandCounts> CountBandsAsync(CancellationToken cancellationToken);

    /// <summary>Revenue of every customer: the denominator of account concentration.</summary>
    Task<decimal> TotalRevenueAsync(CancellationToken cancellationToken);

    /// <summary>The customers depending on any of <paramref name="nodes"/>, each once: where a continuity run starts, instead of scanning every customer.</summary>
    Task<string[]> GetDependentsAsync(IReadOnlyCollection<DisruptionNode> nodes, CancellationToken cancellationToken);

    /// <summary>
    /// Customers whose directory row trails their event log: events committed and acknowledged whose
    /// summaries were still in a silo's publish buffer when it crashed. Nothing survives in memory, so
    /// there are none in embedded mode.
    /// </summary>
    Task<string[]> GetCustomersTrailingTheLogAsync(CancellationToken cancellationToken);

    /// <summary>Every node customers depend on, with how many depend on it (names are filled in from the configuration by the caller).</summary>
    Task<DependencyNodeView[]> ListDependencyNodesAsync(CancellationToken cancellationToken);

    /// <summary>Every customer in the directory.</summary>
    Task<string[]> ListCustomerIdsAsync(CancellationToken cancellationToken);

    /// <summary>Every customer with at least one open case.</summary>
    Task<string[]> ListCustomersWithOpenCasesAsync(CancellationToken cancellationToken);

    /// <summary>Customers whose next timer is due at or before <paramref name="until"/>, soonest first.</summary>
    Task<string[]> GetCustomersWithTimersBeforeAsync(DateTimeOffset until, int limit, CancellationToken cancellationToken);
}
