using HealthGrid.Accounts;
using HealthGrid.Activity;
using HealthGrid.Configuration;
using HealthGrid.Customers.Scoring;
using HealthGrid.Projections;
using HealthGrid.Ingest;
using HealthGrid.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Storage;

namespace HealthGrid.Customers;

/// <summary>
/// The live model of one customer: journal first, then apply, then publish. Reentrant so that reads
/// never wait for a commit and concurrent ingest calls share one; every write goes through
/// <see cref="WriteQueue"/>, which keeps them serial.
/// </summary>
[Reentrant]
public sealed partial class CustomerGrain(
    [PersistentState("customer", StorageNames.Customers)] IPersistentState<CustomerState> state,
    IEventJournal journal,
    ScoreHistoryReader history,
    ProjectionPublisher publisher,
    ActivityAggregator activity,
    IOptionsMonitor<HealthModelOptions> model,
    IOptionsMonitor<SnapshotOptions> snapshots,
    CustomerMetrics metrics,
    TimeProvider time,
    ILogger<CustomerGrain> logger) : Grain, ICustomerGrain
{
    private const int RecentChangesShown = 5;
    private CustomerModel customer = null!;
    private WriteQueue queue = null!;
    private Snapshots snapshotPolicy = null!;
    private IGrainTimer? snapshotTimer;

    private string Stream => JournalStreams.Customer(customer.CustomerId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        customer = new CustomerModel(this.GetPrimaryKeyString(), state.State);
        queue = new WriteQueue(IngestAsync);
        snapshotPolicy = new Snapshots(snapshots, time);
        metrics.Activated();
        if (customer.Profile is not null)
        {
            await ReplayAsync(cancellationToken);
            EnsureSnapshotTimer();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await queue.WhenIdle();
        var shuttingDown = reason.ReasonCode == DeactivationReasonCode.ShuttingDown;
        if (!shuttingDown || snapshots.CurrentValue.OnShutdown)
        {
            await SnapshotIfDueAsync(force: true, shuttingDown);
        }

        metrics.Deactivated();
    }

    public Task<ProfileUpsertResult> UpsertProfileAsync(CustomerProfile profile) => queue.Run(async () =>
    {
        if (!await GrainFactory.GetGrain<IAccountGrain>(profile.AccountId).ExistsAsync())
        {
            return ProfileUpsertResult.Refused("accountId", $"account '{profile.AccountId}' does not exist");
        }

        var created = customer.Profile is null;
        await publisher.FlushAsync();
        var leftAccount = customer.SetProfile(profile, model.CurrentValue);
        await state.WriteStateAsync();
        snapshotPolicy.Written();
        if (leftAccount is not null)
        {
            await GrainFactory.GetGrain<IAccountGrain>(leftAccount).RemoveCustomerAsync(customer.CustomerId, state.State.ProfileVersion);
        }

        publisher.Publish(customer.Summary(time.GetUtcNow()));
        await publisher.FlushAsync();
        EnsureSnapshotTimer();
        return new ProfileUpsertResult(created);
    });

    public Task<IngestOutcome[]> RecordInteractionsAsync(Interaction[] interactions) => queue.Ingest(interactions);

    public async Task<CustomerView?> GetViewAsync()
    {
        if (customer.Profile is not { } profile)
        {
            DeactivateOnIdle();
            return null;
        }

        var recent = await history.ReadAsync(customer.CustomerId, null, RecentChangesShown);
        return new CustomerView(profile, HealthView.Build(state.State.Health, time.GetUtcNow(), model.CurrentValue, recent));
    }

    public async Task<ScoreHistoryPage?> GetScoreHistoryAsync(long? before, int limit)
    {
        if (customer.Profile is null)
        {
            DeactivateOnIdle();
            return null;
        }

        var items = await history.ReadAsync(customer.CustomerId, before, limit);
        return new ScoreHistoryPage(items, items.Length == limit ? items[^1].Seq : null);
    }

    private async Task IngestAsync(IReadOnlyList<WriteQueue.IngestRequest> requests)
    {
        if (customer.Profile is null)
        {
            foreach (var request in requests)
            {
                request.Done.TrySetResult([.. request.Interactions.Select(e => IngestOutcome.Rejected(e.EventId, "customerId", $"unknown customer '{customer.CustomerId}'"))]);
            }

            DeactivateOnIdle();
            return;
        }

        var all = requests.SelectMany(r => r.Interactions).ToArray();
        JournalAppendResult[] appended;
        try
        {
            appended = await journal.AppendAsync(Stream, all);
        }
        catch (JournalUnavailableException ex)
        {
            // Whether the batch committed is unknown: drop this activation so the next one rebuilds from the log.
            LogJournalUnavailable(ex, customer.CustomerId);
            foreach (var request in requests)
            {
                request.Done.TrySetResult([.. request.Interactions.Select(e => IngestOutcome.Unavailable(e.EventId))]);
            }

            DeactivateOnIdle();
            return;
        }

        var outcomes = new IngestOutcome[all.Length];
        for (var i = 0; i < all.Length; i++)
        {
            outcomes[i] = appended[i].Accepted ? Apply(all[i], appended[i].Seq) : IngestOutcome.Duplicate(all[i].EventId);
        }

        if (appended.Any(a => a.Accepted))
        {
            publisher.Publish(customer.Summary(time.GetUtcNow()));
        }

        var offset = 0;
        foreach (var request in requests)
        {
            request.Done.TrySetResult(outcomes[offset..(offset + request.Interactions.Length)]);
            offset += request.Interactions.Length;
        }

        await SnapshotIfDueAsync(force: false);
    }

    private IngestOutcome Apply(Interaction e, long seq)
    {
        var update = customer.Apply(e, seq, model.CurrentValue);
        if (update.Change is { } change)
        {
            publisher.Record(change);
            metrics.ScoreChanged(change);
        }

        activity.Record(e, update.Text, customer.Profile!);
        snapshotPolicy.Applied(1);
        metrics.Applied(time.GetUtcNow() - e.ReceivedAt);
        return IngestOutcome.Accepted(e.EventId);
    }

    private async Task ReplayAsync(CancellationToken cancellationToken)
    {
        var replayed = 0;
        await foreach (var entry in journal.ReadAsync(Stream, state.State.AppliedSeq, cancellationToken))
        {
            if (customer.Apply(entry.Interaction, entry.Seq, model.CurrentValue).Change is { } change)
            {
                publisher.Record(change);
            }

            replayed++;
        }

        if (replayed > 0)
        {
            snapshotPolicy.Applied(replayed);
            publisher.Publish(customer.Summary(time.GetUtcNow()));
            LogReplayed(customer.CustomerId, replayed, state.State.AppliedSeq);
        }
    }

    /// <summary>Snapshots customers that went quiet with unsaved events, so replay after a crash stays short.</summary>
    private void EnsureSnapshotTimer()
    {
        var period = snapshots.CurrentValue.MaxAge;
        snapshotTimer ??= this.RegisterGrainTimer(
            () => queue.Run(() => SnapshotIfDueAsync(force: false)),
            new GrainTimerCreationOptions(period, period) { Interleave = true, KeepAlive = false });
    }

    private async Task SnapshotIfDueAsync(bool force, bool shuttingDown = false)
    {
        if (!snapshotPolicy.IsDue(force) || customer.Profile is null)
        {
            return;
        }

        try
        {
            // The projections first: a snapshot must never cover events whose score changes are not stored.
            await publisher.FlushAsync();
            await state.WriteStateAsync();
            snapshotPolicy.Written();
        }
        catch (InconsistentStateException ex)
        {
            // Another activation wrote first (a duplicate during a membership change): let the log decide.
            LogSnapshotConflict(ex, customer.CustomerId);
            DeactivateOnIdle();
        }
        catch (Exception ex) when (shuttingDown)
        {
            // Embedded mode's memory storage stops before its users; in PostgreSQL mode the log still holds every event.
            LogSnapshotSkippedAtShutdown(customer.CustomerId, ex.GetType().Name);
        }
        catch (Exception ex)
        {
            LogSnapshotFailed(ex, customer.CustomerId);
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Customer {CustomerId} replayed {Count} events from the log up to sequence {AppliedSeq}")]
    private partial void LogReplayed(string customerId, int count, long appliedSeq);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Writing the snapshot of customer {CustomerId} failed; it will be retried")]
    private partial void LogSnapshotFailed(Exception exception, string customerId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "The snapshot of customer {CustomerId} conflicts with another writer; the activation rebuilds from the event log")]
    private partial void LogSnapshotConflict(Exception exception, string customerId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "The shutdown snapshot of customer {CustomerId} was not written ({Error}); the event log has its events")]
    private partial void LogSnapshotSkippedAtShutdown(string customerId, string error);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "The event journal is unavailable for customer {CustomerId}; the events were answered 503")]
    private partial void LogJournalUnavailable(Exception exception, string customerId);
}
