using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Notifications;
using HealthGrid.Storage.Notifications;
using HealthGrid.Tests.Infrastructure;
using Npgsql;
using static HealthGrid.Tests.Api.Notifications.NotificationSetup;

namespace HealthGrid.Tests.Postgres;

/// <summary>
/// A claim's lease in both stores: while it is renewed no other worker takes the notification, once
/// renewals stop (its silo died) the next claim after the lease takes it, and a renewal never revives
/// a notification that was already recorded.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class NotificationLeaseTests(PostgresServer server)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("memory")]
    [InlineData("postgres")]
    public async Task A_renewed_claim_is_kept_and_an_abandoned_one_is_taken_after_its_lease(string mode)
    {
        var (store, decide, cleanup) = await OpenAsync(mode);
        await using var _ = cleanup;
        await decide([Planned("renewed", "hook", AlertSeverity.High, Start), Planned("abandoned", "hook", AlertSeverity.High, Start)]);

        var claimed = await store.ClaimDueAsync(Start, Lease, 10, CancellationToken.None);
        Assert.Equal(2, claimed.Count);
        var renewed = claimed.Single(r => r.AlertId == "sla-breach.renewed");
        await store.RenewAsync([renewed.Id], Start + TimeSpan.FromSeconds(20) + Lease, CancellationToken.None);

        var takenOver = await store.ClaimDueAsync(Start + Lease + TimeSpan.FromSeconds(1), Lease, 10, CancellationToken.None);
        Assert.Equal("sla-breach.abandoned", Assert.Single(takenOver).AlertId);

        var afterRenewal = await store.ClaimDueAsync(Start + TimeSpan.FromSeconds(20) + Lease + TimeSpan.FromSeconds(1), Lease, 10, CancellationToken.None);
        Assert.Equal(renewed.Id, Assert.Single(afterRenewal).Id);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("postgres")]
    public async Task Renewing_a_recorded_notification_does_not_claim_it_again(string mode)
    {
        var (store, decide, cleanup) = await OpenAsync(mode);
        await using var _ = cleanup;
        await decide([Planned("sent", "hook", AlertSeverity.High, Start)]);
        var claimed = Assert.Single(await store.ClaimDueAsync(Start, Lease, 10, CancellationToken.None));
        await store.CompleteAsync([NotificationAttempts.After(claimed, new DeliveryOutcome { Result = DeliveryResult.Sent, Reason = "200" }, claimed.MessageId, [], Start)], CancellationToken.None);

        await store.RenewAsync([claimed.Id], Start + TimeSpan.FromHours(1), CancellationToken.None);

        Assert.Empty(await store.ClaimDueAsync(Start + TimeSpan.FromHours(2), Lease, 10, CancellationToken.None));
        Assert.Equal(NotificationState.Sent, Assert.Single((await store.QueryAsync(new NotificationQuery(), CancellationToken.None)).Items).State);
    }

    private async Task<(INotificationStore Store, Func<PlannedNotification[], Task> Decide, IAsyncDisposable Cleanup)> OpenAsync(string mode)
    {
        if (mode == "memory")
        {
            var memory = new InMemoryNotificationStore();
            return (memory, planned => { memory.Decide([new NotificationDecision(planned, null, Start)]); return Task.CompletedTask; }, new NothingToDispose());
        }

        var database = NpgsqlDataSource.Create(await PostgresDatabase.CreateMigratedAsync(server));
        return (new PostgresNotificationStore(database), async planned =>
        {
            await using var connection = await database.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await NotificationRows.DecideAsync(connection, transaction, [new NotificationDecision(planned, null, Start)], CancellationToken.None);
            await transaction.CommitAsync();
        }, database);
    }

    private sealed class NothingToDispose : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
