using HealthGrid.Accounts;
using Orleans.Concurrency;

namespace HealthGrid.Projections;

/// <summary>Answers directory reads from the silo's own projection store connection.</summary>
[StatelessWorker]
public sealed class DirectoryGrain(IProjectionStore store) : Grain, IDirectoryGrain
{
    public Task<CustomerPage> QueryCustomersAsync(CustomerQuery query) => store.QueryCustomersAsync(query, CancellationToken.None);

    public Task<AccountProfile[]> ListAccountsAsync() => store.ListAccountsAsync(CancellationToken.None);
}
