using HealthGrid.Configuration;
using HealthGrid.Customers;
using HealthGrid.Projections;
using Microsoft.Extensions.Options;

namespace HealthGrid.Accounts;

/// <summary>
/// An account and the live summaries of its customers. Summaries arrive in batches from each silo's
/// projection publisher; on activation the grain rebuilds them from the directory, so only the
/// profile is stored.
/// </summary>
public sealed class AccountGrain(
    [PersistentState("account", StorageNames.Accounts)] IPersistentState<AccountState> state,
    IProjectionStore store,
    IOptionsMonitor<HealthModelOptions> model) : Grain, IAccountGrain
{
    private readonly Dictionary<string, CustomerSummary> customers = new(StringComparer.Ordinal);

    /// <summary>Customers that left, with the profile version they left with: older summaries must not bring them back.</summary>
    private readonly Dictionary<string, long> departed = new(StringComparer.Ordinal);

    private string AccountId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Profile is not null)
        {
            Merge(await store.GetAccountCustomersAsync(AccountId, cancellationToken));
        }
    }

    public async Task<bool> UpsertProfileAsync(AccountProfile profile)
    {
        var created = state.State.Profile is null;
        state.State.Profile = profile;
        await state.WriteStateAsync();
        await store.UpsertAccountAsync(profile, CancellationToken.None);
        return created;
    }

    public Task<bool> ExistsAsync()
    {
        if (state.State.Profile is null)
        {
            DeactivateOnIdle();
        }

        return Task.FromResult(state.State.Profile is not null);
    }

    public Task<AccountView?> GetViewAsync()
    {
        if (state.State.Profile is not { } profile)
        {
            DeactivateOnIdle();
            return Task.FromResult<AccountView?>(null);
        }

        var members = customers.Values.ToList();
        members.Sort(CustomerFilter.Compare);
        return Task.FromResult<AccountView?>(new AccountView(profile, AccountRollups.Compute(members, model.CurrentValue), [.. members]));
    }

    public Task ApplyCustomerSummariesAsync(CustomerSummary[] summaries)
    {
        Merge(summaries);
        return Task.CompletedTask;
    }

    public Task RemoveCustomerAsync(string customerId, long profileVersion)
    {
        if (customers.TryGetValue(customerId, out var current) && current.ProfileVersion < profileVersion)
        {
            customers.Remove(customerId);
        }

        departed[customerId] = Math.Max(profileVersion, departed.GetValueOrDefault(customerId));
        return Task.CompletedTask;
    }

    private void Merge(IEnumerable<CustomerSummary> summaries)
    {
        foreach (var summary in summaries)
        {
            var stale = summary.AccountId != AccountId
                || (departed.TryGetValue(summary.Id, out var leftAt) && summary.ProfileVersion < leftAt)
                || (customers.TryGetValue(summary.Id, out var existing) && !summary.IsNotOlderThan(existing));
            if (!stale)
            {
                customers[summary.Id] = summary;
            }
        }
    }
}
