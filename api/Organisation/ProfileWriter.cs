using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Customers;
using HealthGrid.GrainInterfaces.Accounts;
using HealthGrid.GrainInterfaces.Customers;

namespace HealthGrid.Api.Organisation;

/// <summary>
/// Writes many profiles: accounts first (customers need them), then customers several at a time.
/// Used by the JSON-lines import and by the demo organisation.
/// </summary>
public sealed class ProfileWriter(IGrainFactory grains)
{
    private const int Parallelism = 32;

    public async Task<(int Created, int Updated)> WriteAccountsAsync(IReadOnlyList<AccountProfile> accounts)
    {
        var created = 0;
        await Parallel.ForEachAsync(accounts, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (account, _) =>
        {
            if (await grains.GetGrain<IAccountGrain>(account.Id).UpsertProfileAsync(account))
            {
                Interlocked.Increment(ref created);
            }
        });
        return (created, accounts.Count - created);
    }

    /// <summary>Writes the customers; returns the result of each, in order.</summary>
    public async Task<ProfileUpsertResult[]> WriteCustomersAsync(IReadOnlyList<CustomerProfile> customers)
    {
        var results = new ProfileUpsertResult[customers.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, customers.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, _) =>
            results[i] = await grains.GetGrain<ICustomerGrain>(customers[i].Id).UpsertProfileAsync(customers[i]));
        return results;
    }
}
