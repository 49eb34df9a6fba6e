using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Customers;
using HealthGrid.GrainInterfaces.Accounts;
using HealthGrid.GrainInterfaces.Customers;

namespace HealthGrid.Grains.Customers;

/// <summary>
/// The grain's part of erasing a customer: what only it holds. Its projections are flushed first (so
/// the stores' erasure that follows finds every row), its timers and reminder stop, its share of the
/// stage and owner tallies is withdrawn, its account forgets it, dashboards drop its conversations and
/// alerts, and its snapshot is deleted — after which nothing is left from which it could come back.
/// </summary>
internal sealed class CustomerErasure(IGrainFactory grains, IPersistentState<CustomerState> state, CustomerModel customer, CustomerEvents events, CustomerSnapshots snapshots, CustomerSla sla, CustomerServices services)
{
    public async Task<CustomerErased> EraseAsync()
    {
        if (customer.Profile is not { } profile)
        {
            return new CustomerErased(Existed: false, Conversations: 0);
        }

        await services.Publisher.FlushAsync();
        snapshots.Stop();
        await sla.StopAsync();
        services.Activity.Withdraw(customer.State.Activity);
        await grains.GetGrain<IAccountGrain>(profile.AccountId).ForgetCustomerAsync(customer.CustomerId);
        var conversations = customer.State.Live.Count;
        PushGone(profile);
        await state.ClearStateAsync();
        state.State = new CustomerState();
        return new CustomerErased(Existed: true, conversations);
    }

    /// <summary>Supervisors' and managers' screens drop the customer's conversations and alerts without a reload.</summary>
    private void PushGone(CustomerProfile profile)
    {
        var now = services.Time.GetUtcNow();
        events.PushEnded(profile, customer.State.Live.Values);

        foreach (var alert in customer.State.Alerts.Values.Where(a => a.State != AlertState.Resolved))
        {
            services.Broadcaster.Publish(alert with { State = AlertState.Resolved, ResolvedBy = ErasedBy, ResolvedAt = now, UpdatedAt = now, Version = alert.Version + 1 });
        }
    }

    /// <summary>Who an erased customer's open alerts are resolved by, as dashboards see them go.</summary>
    public const string ErasedBy = "erasure";
}
