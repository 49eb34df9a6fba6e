using HealthGrid.Accounts;
using HealthGrid.Activity;
using HealthGrid.Alerts;
using HealthGrid.Cases;
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
/// The live model of one customer and its cases. Reentrant so that reads never wait for a journal
/// commit and concurrent ingest calls share one; every write goes through <see cref="WriteQueue"/>,
/// which keeps them serial. Events are handled by <see cref="CustomerEvents"/>, SLA timing by
/// <see cref="CustomerSla"/>.
/// </summary>
[Reentrant]
public sealed partial class CustomerGrain(
    [PersistentState("customer", StorageNames.Customers)] IPersistentState<CustomerState> state,
    IEventJournal journal,
    ScoreHistoryReader history,
    ProjectionPublisher publisher,
    IProjectionStore store,
    ActivityAggregator activity,
    AlertBroadcaster broadcaster,
    OpenCaseRegistry openCases,
    CurrentCustomerRules rules,
    IOptionsMonitor<SnapshotOptions> snapshots,
    CustomerMetrics metrics,
    AlertMetrics alertMetrics,
    TimeProvider time,
    ILogger<CustomerGrain> logger) : Grain, ICustomerGrain, IRemindable
{
    private const string SlaReminder = "sla";
    private const int RecentChangesShown = 5;
    private static readonly TimeSpan RetryAfterJournalFailure = TimeSpan.FromSeconds(1);
    private CustomerModel customer = null!;
    private CustomerEvents events = null!;
    private CustomerSla sla = null!;
    private WriteQueue queue = null!;
    private Snapshots snapshotPolicy = null!;
    private IGrainTimer? snapshotTimer;
    private IGrainTimer? slaTimer;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        customer = new CustomerModel(this.GetPrimaryKeyString(), state.State);
        snapshotPolicy = new Snapshots(snapshots, time);
        events = new CustomerEvents(customer, snapshotPolicy, journal, publisher, activity, broadcaster, rules, metrics, time, logger);
        sla = new CustomerSla(customer, events, rules, alertMetrics, time);
        queue = new WriteQueue(IngestAsync, AfterWriteAsync);
        metrics.Activated();
        if (customer.Profile is not null)
        {
            await events.ReplayAsync(cancellationToken);
            events.Publish(customer.RefreshCases(time.GetUtcNow(), rules.Now), live: false);
            EnsureSnapshotTimer();
            await ScheduleSlaAsync(retrySoon: false);
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

        openCases.Track(customer.CustomerId, hasOpenCases: false);
        metrics.Deactivated();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => queue.Run(() =>
    {
        // It ticked, so it exists, whatever the last snapshot says.
        state.State.SlaReminder = true;
        return FireSlaTimersAsync();
    });

    public Task<ProfileUpsertResult> UpsertProfileAsync(CustomerProfile profile) => queue.Run(async () =>
    {
        if (!await GrainFactory.GetGrain<IAccountGrain>(profile.AccountId).ExistsAsync())
        {
            return ProfileUpsertResult.Refused("accountId", $"account '{profile.AccountId}' does not exist");
        }

        var created = customer.Profile is null;
        await publisher.FlushAsync();
        var leftAccount = customer.SetProfile(profile, rules.Now.Model);
        await state.WriteStateAsync();
        snapshotPolicy.Written();
        if (leftAccount is not null)
        {
            await GrainFactory.GetGrain<IAccountGrain>(leftAccount).RemoveCustomerAsync(customer.CustomerId, state.State.ProfileVersion);
        }

        publisher.Publish(customer.Summary(time.GetUtcNow()));
        await publisher.FlushAsync();
        EnsureSnapshotTimer();

        // A new tier may put open cases under another policy.
        events.Publish(customer.RefreshCases(time.GetUtcNow(), rules.Now), live: true);
        await ScheduleSlaAsync(retrySoon: false);
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
        return new CustomerView(profile, HealthView.Build(state.State.Health, time.GetUtcNow(), rules.Now.Model, recent));
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

    /// <summary>An open case from memory; a closed one (purged from the state) from the case list.</summary>
    public async Task<CaseView?> GetCaseAsync(string caseId)
    {
        if (customer.Case(caseId, rules.Now, time.GetUtcNow()) is { } live)
        {
            return live;
        }

        var stored = publisher.PendingCase(caseId) ?? await store.GetCaseAsync(caseId, CancellationToken.None);
        return stored?.CustomerId == customer.CustomerId ? stored : null;
    }

    public Task<CaseActionResult> ActOnCaseAsync(string caseId, CaseAction action, string by, string? note) => Write(async () =>
    {
        if (customer.Case(caseId, rules.Now, time.GetUtcNow()) is not { IsOpen: true } @case)
        {
            return new CaseActionResult(IngestStatus.Rejected, null, $"case '{caseId}' is not open");
        }

        var command = Internal(InteractionKind.CaseAction, $"case-action.{caseId}.{action}") with
        {
            CaseAction = new CaseActionDetails(caseId, action, by, note),
            JourneyStage = @case.JourneyStage,
        };
        if (await events.RecordAsync([command]) is null)
        {
            return new CaseActionResult(IngestStatus.Unavailable, null, "the event store is unavailable; retry later");
        }

        return new CaseActionResult(IngestStatus.Accepted, customer.Case(caseId, rules.Now, time.GetUtcNow()) ?? publisher.PendingCase(caseId), null);
    });

    public Task<AlertActionResult> ActOnAlertAsync(string alertId, AlertState to, string by) => Write(async () =>
    {
        if (!state.State.Alerts.TryGetValue(alertId, out var alert) || AlertLifecycle.Act(alert, to, by, time.GetUtcNow(), 0) is null)
        {
            return new AlertActionResult(IngestStatus.Rejected, null, $"alert '{alertId}' cannot move to {to.ToString().ToLowerInvariant()}");
        }

        var command = Internal(InteractionKind.AlertAction, $"alert-action.{alertId}.{to}") with { AlertAction = new AlertActionDetails(alertId, to, by) };
        if (await events.RecordAsync([command]) is null)
        {
            return new AlertActionResult(IngestStatus.Unavailable, null, "the event store is unavailable; retry later");
        }

        return new AlertActionResult(IngestStatus.Accepted, state.State.Alerts.GetValueOrDefault(alertId) ?? publisher.PendingAlert(alertId), null);
    });

    public Task RefreshSlaAsync() => Write(() =>
    {
        events.Publish(customer.RefreshCases(time.GetUtcNow(), rules.Now), live: true);
        return Task.FromResult(true);
    });

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

    /// <summary>A write outside ingest (an action, a policy refresh): serialized with everything else, then the SLA timer re-armed.</summary>
    private Task<T> Write<T>(Func<Task<T>> work) => queue.Run(async () =>
    {
        var result = await work();
        await AfterWriteAsync();
        return result;
    });

    private async Task AfterWriteAsync()
    {
        await ScheduleSlaAsync(retrySoon: false);
        await SnapshotIfDueAsync(force: false);
    }

    private async Task FireSlaTimersAsync()
    {
        var fired = await sla.FireDueAsync();
        await ScheduleSlaAsync(retrySoon: !fired);
        await SnapshotIfDueAsync(force: false);
    }

    /// <summary>Arms the timer for the next SLA deadline and keeps a reminder while there is one.</summary>
    private async Task ScheduleSlaAsync(bool retrySoon)
    {
        var next = sla.Next();
        openCases.Track(customer.CustomerId, state.State.Cases.Values.Any(c => c.IsOpen));
        if (next is null)
        {
            slaTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            if (state.State.SlaReminder)
            {
                if (await this.GetReminder(SlaReminder) is { } reminder)
                {
                    await this.UnregisterReminder(reminder);
                }

                state.State.SlaReminder = false;
            }

            return;
        }

        sla.Armed(next.Value);
        var due = retrySoon ? RetryAfterJournalFailure : next.Value - time.GetUtcNow();
        slaTimer ??= this.RegisterGrainTimer(() => queue.Run(FireSlaTimersAsync),
            new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = false });
        slaTimer.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        if (!state.State.SlaReminder)
        {
            var period = rules.Now.Sla.ReminderPeriod;
            await this.RegisterOrUpdateReminder(SlaReminder, period, period);
            state.State.SlaReminder = true;
        }
    }

    private Interaction Internal(InteractionKind kind, string idPrefix)
    {
        var now = time.GetUtcNow();
        return new Interaction
        {
            EventId = $"{idPrefix}.{Guid.NewGuid():N}",
            CustomerId = customer.CustomerId,
            OccurredAt = now,
            ReceivedAt = now,
            Channel = Channel.System,
            Kind = kind,
        };
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
