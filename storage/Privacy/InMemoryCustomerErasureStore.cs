using HealthGrid.Domain.Privacy;
using HealthGrid.Storage.Audit;
using HealthGrid.Storage.Continuity;
using HealthGrid.Storage.Identity;
using HealthGrid.Storage.Ingest;
using HealthGrid.Storage.Notifications;
using HealthGrid.Storage.Projections;

namespace HealthGrid.Storage.Privacy;

/// <summary>
/// Erasure in the embedded mode: the same stores as PostgreSQL's, in this process's memory. The
/// embedded journal keeps no events, only recent event ids (no customer's data), so there are none to delete.
/// </summary>
public sealed class InMemoryCustomerErasureStore(
    InMemoryProjectionStore projections,
    InMemoryNotificationStore notifications,
    InMemoryContinuityStore continuity,
    InMemoryClientIdRegistry clientIds,
    InMemoryIdentityStore identities,
    InMemoryAuditLog audit) : ICustomerErasureStore
{
    public Task<ErasureReport> EraseAsync(string customerId, CancellationToken cancellationToken)
    {
        var (changes, cases, alerts) = projections.Erase(customerId);
        return Task.FromResult(new ErasureReport
        {
            ScoreChanges = changes,
            Cases = cases,
            Alerts = alerts.Length,
            Notifications = notifications.Erase(alerts),
            ContinuityResults = continuity.Erase(customerId),
            ClientIds = clientIds.Release(customerId),
            AuditEntries = audit.Erase(customerId),
            Identities = identities.Erase(customerId),
        });
    }
}
