using HealthGrid.Domain.Customers;
using HealthGrid.GrainInterfaces.Accounts;
using HealthGrid.Storage.Projections;

namespace HealthGrid.Grains.Customers;

/// <summary>
/// A customer's profile changing: the account must exist, the state is written at once (a profile is
/// not an event), a customer that moved leaves its old account, and the directory, the dependency index
/// and the open cases' policies (a new tier) follow.
/// </summary>
internal sealed class CustomerProfiles(
    IGrainFactory grains,
    IPersistentState<CustomerState> state,
    CustomerModel customer,
    CustomerEvents events,
    CustomerSnapshots snapshots,
    CustomerSla sla,
    CustomerServices services)
{
    public async Task<ProfileUpsertResult> UpsertAsync(CustomerProfile profile)
    {
        if (!await grains.GetGrain<IAccountGrain>(profile.AccountId).ExistsAsync())
        {
            return ProfileUpsertResult.Refused("accountId", $"account '{profile.AccountId}' does not exist");
        }

        var previous = customer.Profile;
        await services.Publisher.FlushAsync();
        var leftAccount = customer.SetProfile(profile, services.Rules.Now.Model);
        await state.WriteStateAsync();
        snapshots.Written();
        if (leftAccount is not null)
        {
            await grains.GetGrain<IAccountGrain>(leftAccount).RemoveCustomerAsync(customer.CustomerId, state.State.ProfileVersion);
        }

        services.Publisher.Publish(customer.Summary(services.Time.GetUtcNow()));
        services.Publisher.Publish(new CustomerDependencies(customer.CustomerId, state.State.ProfileVersion, profile.Dependencies));
        await services.Publisher.FlushAsync();

        // A new tier may put open cases under another policy.
        events.Publish(customer.RefreshCases(services.Time.GetUtcNow(), services.Rules.Now), live: true);
        await sla.ScheduleAsync();
        return new ProfileUpsertResult(previous is null, Previous: previous);
    }
}
