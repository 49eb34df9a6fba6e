using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Projections;

namespace HealthGrid.GrainInterfaces.Projections;

/// <summary>
/// Reads the customer and account directory (a projection kept by the customer grains).
/// A stateless worker: every silo answers from its local connection to the directory store.
/// </summary>
[Alias("HealthGrid.IDirectoryGrain")]
public interface IDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("QueryCustomers")]
    Task<CustomerPage> QueryCustomersAsync(CustomerQuery query);

    [Alias("CountBands")]
    Task<BandCounts> CountBandsAsync();

    [Alias("ListAccounts")]
    Task<AccountProfile[]> ListAccountsAsync();

    [Alias("QueryCases")]
    Task<CasePage> QueryCasesAsync(CaseQuery query);

    /// <summary>The customer a case belongs to, or null for an unknown case.</summary>
    [Alias("CaseCustomer")]
    Task<string?> CaseCustomerAsync(string caseId);

    [Alias("QueryAlerts")]
    Task<AlertPage> QueryAlertsAsync(AlertQuery query);

    [Alias("GetAlert")]
    Task<Alert?> GetAlertAsync(string alertId);
}
