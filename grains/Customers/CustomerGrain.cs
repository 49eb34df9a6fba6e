using HealthGrid.Accounts;
using HealthGrid.Activity;
using HealthGrid.Configuration;
using HealthGrid.Customers.Scoring;
using HealthGrid.Ingest;
using HealthGrid.Projections;
using HealthGrid.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Storage;

namespace HealthGrid.Customers;

/// <summary>
/// The live model of one customer. Reentrant so that reads never wait for a journal commit and
/// concurrent ingest calls share one; every write goes through <see cref="WriteQueue"/>, which
/// keeps them serial. Events are handled by <see cref="CustomerEvents"/>.
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
    private CustomerEvents events = null!;
    private WriteQueue queue = null!;
    private Snapshots snapshotPolicy = null!;
    private IGrainTimer? snapshotTimer;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        customer = new CustomerModel(this.GetPrimaryKeyString(), state.State);
        snapshotPolicy = new Snapshots(snapshots, time);
        events = new CustomerEvents(customer, snapshotPolicy, journal, publisher, activity, model, metrics, time, logger);
        queue = new WriteQueue(IngestAsync, () => SnapshotIfDueAsync(force: false));
        metrics.Activated();
        if (customer.Profile is not null)
        {
            await events.ReplayAsync(cancellationToken);
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

    private async Task<IngestOutcome[]> IngestAsync(Interaction[] interactions)
    {
        if (customer.Profile is null)
        {
            DeactivateOnIdle();
            return [.. interactions.Select(e => IngestOutcome.Rejected(e.EventId, "customerId", $"unknown customer '{customer.CustomerId}'"))];
        }

        if (await events.RecordAsync(interactions) is { } outcomes)
        {
            return outcomes;
        }

        // Whether the batch committed is unknown: drop this activation so the next one rebuilds from the log.
        DeactivateOnIdle();
        return [.. interactions.Select(e => IngestOutcome.Unavailable(e.EventId))];
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
            // In PostgreSQL mode the log still holds every event; embedded mode never gets here (OnShutdown is off).
            LogSnapshotSkippedAtShutdown(customer.CustomerId, ex.GetType().Name);
        }
        catch (Exception ex)
        {
            LogSnapshotFailed(ex, customer.CustomerId);
        }
    }

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Writing the snapshot of customer {CustomerId} failed; it will be retried")]
    private partial void LogSnapshotFailed(Exception exception, string customerId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "The snapshot of customer {CustomerId} conflicts with another writer; the activation rebuilds from the event log")]
    private partial void LogSnapshotConflict(Exception exception, string customerId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "The shutdown snapshot of customer {CustomerId} was not written ({Error}); the event log has its events")]
    private partial void LogSnapshotSkippedAtShutdown(string customerId, string error);
}
