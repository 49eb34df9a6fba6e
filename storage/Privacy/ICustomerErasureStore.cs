using HealthGrid.Domain.Privacy;

namespace HealthGrid.Storage.Privacy;

/// <summary>
/// Removes a customer from every store HealthGrid keeps outside its grains: the event log, the
/// directory and its score history, cases, alerts and the notifications and delivery log of those
/// alerts, timers and dependencies, the client ids it claimed, continuity results, and its id and
/// details from the audit log. One place per mode, so that what a later feature stores about a
/// customer is erased by adding it here. In PostgreSQL in one transaction: all of it or none.
/// </summary>
public interface ICustomerErasureStore
{
    /// <summary>What was removed (<see cref="ErasureReport.Profile"/> and <see cref="ErasureReport.Conversations"/> are the grain's to say).</summary>
    Task<ErasureReport> EraseAsync(string customerId, CancellationToken cancellationToken);
}
