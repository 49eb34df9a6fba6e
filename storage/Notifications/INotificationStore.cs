using HealthGrid.Domain.Notifications;

namespace HealthGrid.Storage.Notifications;

/// <summary>
/// The notifications decided with alert changes (written by the projection flush, in the same commit
/// as the alerts themselves) and their delivery: claimed by a silo's delivery worker when due, each
/// claim a lease so that a silo that dies mid-send leaves its claims to the others, then completed
/// with the attempt's outcome. In PostgreSQL in that mode, in memory in the embedded default.
/// </summary>
public interface INotificationStore
{
    /// <summary>
    /// Up to <paramref name="limit"/> notifications due by <paramref name="now"/> (and any whose lease ran
    /// out), leased until <paramref name="now"/> + <paramref name="lease"/>. A follow-up waits while its
    /// contact point is still being sent the notification it follows.
    /// </summary>
    Task<IReadOnlyList<NotificationRecord>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken);

    /// <summary>Writes what became of claimed notifications (sent, retrying, held for a digest, failed) and ends their lease.</summary>
    Task CompleteAsync(IReadOnlyList<NotificationRecord> updated, CancellationToken cancellationToken);

    /// <summary>Extends the leases of claims still being worked on (those already completed or taken over are left as they are).</summary>
    Task RenewAsync(IReadOnlyCollection<string> ids, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>When the next pending notification is due: how long the worker may sleep.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);

    /// <summary>For each (recipient, contact point), when it was last sent anything and last sent a critical alert, since <paramref name="since"/>.</summary>
    Task<IReadOnlyDictionary<(string Recipient, string ContactPoint), RecentSends>> RecentSendsAsync(IReadOnlyCollection<(string Recipient, string ContactPoint)> pairs, DateTimeOffset since, CancellationToken cancellationToken);

    Task<NotificationPage> QueryAsync(NotificationQuery query, CancellationToken cancellationToken);

    /// <summary>Per contact point: sent and failed since <paramref name="since"/>, waiting now, the last send and the last failure with its reason.</summary>
    Task<IReadOnlyList<EndpointHealth>> EndpointHealthAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
