using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Customers;
using HealthGrid.GrainInterfaces.Alerts;
using HealthGrid.GrainInterfaces.Configuration;

namespace HealthGrid.GrainInterfaces.Accounts;

/// <summary>An account and the live roll-up of its customers, keyed by account id.</summary>
[Alias("HealthGrid.IAccountGrain")]
public interface IAccountGrain : IAlertOwner, IConfigurationDependent
{
    /// <summary>Creates or replaces the profile; true when it was created.</summary>
    [Alias("UpsertProfile")]
    Task<bool> UpsertProfileAsync(AccountProfile profile);

    [Alias("Exists")]
    Task<bool> ExistsAsync();

    /// <summary>The account with its roll-up and customers; null when the account does not exist.</summary>
    [Alias("GetView")]
    Task<AccountView?> GetViewAsync();

    /// <summary>Applies the latest summaries of some of its customers (sent in batches by each silo).</summary>
    [Alias("ApplyCustomerSummaries")]
    Task ApplyCustomerSummariesAsync(CustomerSummary[] summaries);

    /// <summary>Forgets a customer that moved to another account with its profile change <paramref name="profileVersion"/>.</summary>
    [Alias("RemoveCustomer")]
    Task RemoveCustomerAsync(string customerId, long profileVersion);

    /// <summary>Forgets an erased customer: its roll-up is what it would be without it.</summary>
    [Alias("ForgetCustomer")]
    Task ForgetCustomerAsync(string customerId);
}
