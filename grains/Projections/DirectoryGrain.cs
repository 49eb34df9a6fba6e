using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Projections;
using HealthGrid.GrainInterfaces.Projections;
using HealthGrid.Storage.Projections;
using Orleans.Concurrency;

namespace HealthGrid.Grains.Projections;

/// <summary>
/// Answers directory reads from the silo's own projection store connection. Case and alert reads
/// first take what this silo published but has not written yet, so that acting on an alert and
/// then reading it (through the same silo) sees the action.
/// </summary>
[StatelessWorker]
public sealed class DirectoryGrain(IProjectionStore store, ProjectionPublisher publisher) : Grain, IDirectoryGrain
{
    public Task<CustomerPage> QueryCustomersAsync(CustomerQuery query) => store.QueryCustomersAsync(query, CancellationToken.None);

    public Task<BandCounts> CountBandsAsync() => store.CountBandsAsync(CancellationToken.None);

    public Task<AccountProfile[]> ListAccountsAsync() => store.ListAccountsAsync(CancellationToken.None);

    public async Task<CasePage> QueryCasesAsync(CaseQuery query)
    {
        await publisher.FlushAsync();
        return await store.QueryCasesAsync(query, CancellationToken.None);
    }

    public async Task<string?> CaseCustomerAsync(string caseId) =>
        (publisher.PendingCase(caseId) ?? await store.GetCaseAsync(caseId, CancellationToken.None))?.CustomerId;

    public async Task<AlertPage> QueryAlertsAsync(AlertQuery query)
    {
        await publisher.FlushAsync();
        return await store.QueryAlertsAsync(query, CancellationToken.None);
    }

    public async Task<Alert?> GetAlertAsync(string alertId)
    {
        var pending = publisher.PendingAlert(alertId);
        var stored = await store.GetAlertAsync(alertId, CancellationToken.None);
        return pending is not null && (stored is null || pending.Version >= stored.Version) ? pending : stored;
    }
}
