using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Customers.Scoring;
using HealthGrid.Domain.Ingest;
using HealthGrid.GrainInterfaces.Accounts;
using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.Grains.Activity;
using HealthGrid.Grains.Alerts;
using HealthGrid.Grains.Cases;
using HealthGrid.Grains.Hosting;
using HealthGrid.Grains.Live;
using HealthGrid.Grains.Projections;
using HealthGrid.Storage.Ingest;
using HealthGrid.Storage.Projections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Serialization;

namespace HealthGrid.Grains.Customers;

/// <summary>
/// The live model of one customer and its cases. Reentrant so that reads never wait for a journal
/// commit and concurrent ingest calls share one; every write goes through <see cref="WriteQueue"/>,
/// which keeps them serial. Events are handled by <see cref="CustomerEvents"/>, SLA timing by
/// <see cref="CustomerSla"/>, snapshots by <see cref="CustomerSnapshots"/>, API actions by
/// <see cref="CustomerActions"/>.
/// </summary>
[Reentrant]
public sealed class CustomerGrain(
    [PersistentState("customer", StorageNames.Customers)] IPersistentState<CustomerState> state,
    IEventJournal journal,
    ScoreHistoryReader history,
    ProjectionPublisher publisher,
    IProjectionStore store,
    ActivityAggregator activity,
    LiveBroadcaster broadcaster,
    OpenCaseRegistry openCases,
    CurrentCustomerRules rules,
    IOptionsMonitor<SnapshotOptions> snapshotOptions,
    CustomerMetrics metrics,
    AlertMetrics alertMetrics,
    TimeProvider time,
    DeepCopier copier,
    ILogger<CustomerGrain> logger) : Grain, ICustomerGrain, IRemindable
{
    private const int RecentChangesShown = 5;
    private CustomerModel customer = null!;
    private CustomerEvents events = null!;
    private CustomerSla sla = null!;
    private CustomerSnapshots snapshots = null!;
    private CustomerActions actions = null!;
    private WriteQueue queue = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        customer = new CustomerModel(this.GetPrimaryKeyString(), state.State);
        snapshots = new CustomerSnapshots(state, new Snapshots(snapshotOptions, time), publisher, snapshotOptions, customer.CustomerId, DeactivateOnIdle, logger);
        events = new CustomerEvents(customer, snapshots.Policy, journal, publisher, activity, broadcaster, rules, metrics, time, logger);
        queue = new WriteQueue(IngestAsync, AfterWriteAsync);
        sla = new CustomerSla(this, work => queue.Run(work), customer, events, rules, openCases, alertMetrics, time);
        actions = new CustomerActions(customer, events, rules, publisher, time);
        metrics.Activated();
        if (customer.Profile is not null)
        {
            await events.ReplayAsync(cancellationToken);
            events.Publish(customer.RefreshCases(time.GetUtcNow(), rules.Now), live: false);
            snapshots.Start(this, work => queue.Run(work));
            await sla.ScheduleAsync();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await queue.WhenIdle();
        var shuttingDown = reason.ReasonCode == DeactivationReasonCode.ShuttingDown;
        if (!shuttingDown || snapshotOptions.CurrentValue.OnShutdown)
        {
            await snapshots.WriteIfDueAsync(force: true, shuttingDown);
        }

        openCases.Track(customer.CustomerId, hasOpenCases: false);
        metrics.Deactivated();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => queue.Run(() =>
    {
        // It ticked, so it exists, whatever the last snapshot says.
        state.State.SlaReminder = true;
        return sla.FireAsync();
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
        snapshots.Written();
        if (leftAccount is not null)
        {
            await GrainFactory.GetGrain<IAccountGrain>(leftAccount).RemoveCustomerAsync(customer.CustomerId, state.State.ProfileVersion);
        }

        publisher.Publish(customer.Summary(time.GetUtcNow()));
        publisher.Publish(new CustomerDependencies(customer.CustomerId, state.State.ProfileVersion, profile.Dependencies));
        await publisher.FlushAsync();
        snapshots.Start(this, work => queue.Run(work));

        // A new tier may put open cases under another policy.
        events.Publish(customer.RefreshCases(time.GetUtcNow(), rules.Now), live: true);
        await sla.ScheduleAsync();
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

    public Task<string?> GetAccountIdAsync()
    {
        if (customer.Profile is null)
        {
            DeactivateOnIdle();
        }

        return Task.FromResult(customer.Profile?.AccountId);
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

    /// <summary>
    /// Runs the scenario forward on a copy of the state: one synchronous turn, so no event is half
    /// applied in what is copied, and nothing the projection does reaches the live state.
    /// </summary>
    public Task<CustomerImpact?> SimulateDisruptionAsync(ScenarioPlan plan)
    {
        if (customer.Profile is null)
        {
            DeactivateOnIdle();
            return Task.FromResult<CustomerImpact?>(null);
        }

        var copy = new CustomerModel(customer.CustomerId, copier.Copy(state.State));
        return Task.FromResult(DisruptionSimulator.Project(copy, rules.Now, plan));
    }

    public Task<CaseActionResult> ActOnCaseAsync(string caseId, CaseAction action, string by, string? note) => Write(() => actions.OnCaseAsync(caseId, action, by, note));

    public Task<AlertActionResult> ActOnAlertAsync(string alertId, AlertState to, string by) => Write(() => actions.OnAlertAsync(alertId, to, by));

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
        await sla.ScheduleAsync();
        await snapshots.WriteIfDueAsync(force: false);
    }
}
