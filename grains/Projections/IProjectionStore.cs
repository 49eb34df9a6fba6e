using HealthGrid.Accounts;
using HealthGrid.Customers;

namespace HealthGrid.Projections;

/// <summary>
/// The read models projected from the live model: the customer and account directory (for lists
/// and filters that must not call every grain) and the score history (the audit trail of changes).
/// Writes are idempotent: a summary older than the stored one is ignored, a change is keyed by sequence.
/// </summary>
public interface IProjectionStore
{
    Task WriteAsync(IReadOnlyCollection<CustomerSummary> summaries, IReadOnlyCollection<ScoreChange> changes, CancellationToken cancellationToken);

    Task UpsertAccountAsync(AccountProfile account, CancellationToken cancellationToken);

    Task<CustomerPage> QueryCustomersAsync(CustomerQuery query, CancellationToken cancellationToken);

    Task<CustomerSummary[]> GetAccountCustomersAsync(string accountId, CancellationToken cancellationToken);

    Task<AccountProfile[]> ListAccountsAsync(CancellationToken cancellationToken);

    /// <summary>Changes newest first, older than <paramref name="before"/> when given.</summary>
    Task<ScoreChange[]> GetScoreHistoryAsync(string customerId, long? before, int limit, CancellationToken cancellationToken);
}
