using HealthGrid.Accounts;

namespace HealthGrid.Projections;

/// <summary>
/// Reads the customer and account directory (a projection kept by the customer grains).
/// A stateless worker: every silo answers from its local connection to the directory store.
/// </summary>
[Alias("HealthGrid.IDirectoryGrain")]
public interface IDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("QueryCustomers")]
    Task<CustomerPage> QueryCustomersAsync(CustomerQuery query);

    [Alias("ListAccounts")]
    Task<AccountProfile[]> ListAccountsAsync();
}
