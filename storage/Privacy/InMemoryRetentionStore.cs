using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Privacy;
using HealthGrid.Storage.Identity;
using HealthGrid.Storage.Ingest;
using HealthGrid.Storage.Notifications;
using HealthGrid.Storage.Projections;

namespace HealthGrid.Storage.Privacy;

/// <summary>
/// Retention in the embedded mode: resolved cases and alerts with their notifications, and client ids,
/// in this process's memory. Its journal keeps no events (only recent event ids), so there are no texts
/// and no months to let go; its score history is a bounded ring per customer.
/// </summary>
public sealed class InMemoryRetentionStore(
    InMemoryProjectionStore projections,
    InMemoryNotificationStore notifications,
    InMemoryClientIdRegistry clientIds,
    InMemoryIdentityStore identities) : IRetentionStore
{
    public Task<IAsyncDisposable?> TryLeadAsync(CancellationToken cancellationToken) => Task.FromResult<IAsyncDisposable?>(new Lead());

    public Task<long> ExpireTextsAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken) => Task.FromResult(0L);

    public Task<RetentionReport> PurgeResolvedAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken)
    {
        var (cases, alerts) = projections.PurgeResolved(updatedBefore);
        return Task.FromResult(new RetentionReport
        {
            Cases = cases.Length,
            Alerts = alerts.Length,
            Notifications = notifications.Erase(alerts),
            ClientIds = clientIds.Release(ClientIds.Case, cases),
        });
    }

    public Task<long> PurgeParkedAsync(DateTimeOffset parkedBefore, CancellationToken cancellationToken) =>
        Task.FromResult((long)identities.PurgeParked(parkedBefore));

    public Task<long> ReleaseConversationIdsAsync(DateTimeOffset claimedBefore, CancellationToken cancellationToken) =>
        Task.FromResult((long)clientIds.ReleaseClaimedBefore(ClientIds.Interaction, claimedBefore));

    public Task<IReadOnlyList<DateOnly>> MonthsBeforeAsync(DateOnly oldestKept, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DateOnly>>([]);

    public Task<IReadOnlyList<StreamMark>> StreamsInAsync(DateOnly month, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StreamMark>>([]);

    public Task<RetentionReport> DropMonthAsync(DateOnly month, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The embedded journal keeps no months to drop.");

    /// <summary>One silo, one store: the lead is always this silo's.</summary>
    private sealed class Lead : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
