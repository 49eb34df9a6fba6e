using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Configuration;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.Grains.Hosting;
using Orleans.Concurrency;

namespace HealthGrid.Grains.Customers;

/// <summary>
/// The live model of one customer and its cases. Its parts (<see cref="CustomerParts"/>) do the work:
/// events through <see cref="CustomerEvents"/>, SLA timing in <see cref="CustomerSla"/>, snapshots in
/// <see cref="CustomerSnapshots"/>, API actions in <see cref="CustomerActions"/>.
/// <para>
/// Reentrant, with every write going through one <see cref="WriteQueue"/>: the writes stay serial and
/// in order, while reads never wait for a journal commit, and concurrent ingest requests for a busy
/// customer are handed to the journal together and share one commit. Measured in PostgreSQL mode with
/// 32 senders to one customer (docs/benchmarks.md, "Structure round"): 4.3–4.8k events/s reentrant,
/// 0.75–0.9k without, when each request waits for the previous request's commit.
/// </para>
/// </summary>
[Reentrant]
public sealed class CustomerGrain(
    [PersistentState("customer", StorageNames.Customers)] IPersistentState<CustomerState> state,
    CustomerServices services) : Grain, ICustomerGrain, IRemindable
{
    private CustomerParts parts = null!;

    private CustomerModel Customer => parts.Model;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        parts = CustomerParts.Create(this, GrainFactory, this.GetPrimaryKeyString(), state, services, IngestAsync, AfterWriteAsync);
        services.Metrics.Activated();
        services.Active.Activated(Customer.CustomerId);
        if (Customer.Profile is not null)
        {
            await parts.Events.ReplayAsync(cancellationToken);
            Rescore();
            parts.Events.Publish(Customer.RefreshCases(services.Time.GetUtcNow(), services.Rules.Now), live: false);
            parts.Snapshots.Start(this, parts.Queue.Run);
            await parts.Sla.ScheduleAsync();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await parts.Queue.WhenIdle();
        var shuttingDown = reason.ReasonCode == DeactivationReasonCode.ShuttingDown;
        if (!shuttingDown || services.Snapshots.CurrentValue.OnShutdown)
        {
            await parts.Snapshots.WriteIfDueAsync(force: true, shuttingDown);
        }

        services.Active.Deactivated(Customer.CustomerId);
        services.Metrics.Deactivated();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => parts.Queue.Run(() =>
    {
        // It ticked, so it exists, whatever the last snapshot says.
        state.State.SlaReminder = true;
        return parts.Sla.FireAsync();
    });

    public Task<ProfileUpsertResult> UpsertProfileAsync(CustomerProfile profile) => parts.Queue.Run(async () =>
    {
        var result = await parts.Profiles.UpsertAsync(profile);
        if (result.Succeeded)
        {
            parts.Snapshots.Start(this, parts.Queue.Run);
        }

        return result;
    });

    public Task<IngestOutcome[]> RecordInteractionsAsync(Interaction[] interactions) => parts.Queue.Ingest(interactions);

    public async Task<CustomerView?> GetViewAsync() => Known() is { } profile ? await parts.Reads.ViewAsync(profile) : null;

    public Task<string?> GetAccountIdAsync() => Task.FromResult(Known()?.AccountId);

    public async Task<ScoreHistoryPage?> GetScoreHistoryAsync(long? before, int limit) => Known() is null ? null : await parts.Reads.HistoryAsync(before, limit);

    public Task<CaseView?> GetCaseAsync(string caseId) => parts.Reads.CaseAsync(caseId);

    public Task<CustomerImpact?> SimulateDisruptionAsync(ScenarioPlan plan) => Task.FromResult(Known() is null ? null : parts.Reads.Simulate(plan));

    public Task<CaseActionResult> ActOnCaseAsync(string caseId, CaseAction action, string by, string? note) => Write(() => parts.Actions.OnCaseAsync(caseId, action, by, note));

    public Task<AlertActionResult> ActOnAlertAsync(string alertId, AlertState to, string by) => Write(() => parts.Actions.OnAlertAsync(alertId, to, by));

    /// <summary>New SLA policies reach the open cases (their deadlines move, breaches due at once fire); a new health model re-weighs the score.</summary>
    public Task ReevaluateAsync(string area) => Write(() =>
    {
        if (Known() is null)
        {
            return Task.FromResult(false);
        }

        if (area == ConfigurationAreaNames.Sla)
        {
            parts.Events.Publish(Customer.RefreshCases(services.Time.GetUtcNow(), services.Rules.Now), live: true);
        }
        else if (area == ConfigurationAreaNames.HealthModel)
        {
            Rescore();
        }

        return Task.FromResult(true);
    });

    public Task<ConfigurationEffects> PreviewAsync(ConfigurationProposal proposal) =>
        Task.FromResult(Known() is null ? ConfigurationEffects.None : parts.Reads.Preview(proposal));

    public Task<CustomerErased> EraseAsync() => parts.Queue.Run(async () =>
    {
        var erased = await parts.Erasure.EraseAsync();

        // What is queued behind the erasure, in the same queue, finds a customer that never existed.
        parts = CustomerParts.Create(this, GrainFactory, this.GetPrimaryKeyString(), state, services, IngestAsync, AfterWriteAsync, parts.Queue);
        DeactivateOnIdle();
        return erased;
    });

    public Task<bool> SaveSnapshotAsync() => parts.Queue.Run(async () =>
    {
        if (Known() is null)
        {
            // No profile, no events: an unknown or erased customer has nothing in the log to cover.
            return true;
        }

        await parts.Snapshots.WriteIfDueAsync(force: true);
        var saved = !parts.Snapshots.Policy.IsDue(force: true);
        if (saved && !state.State.SlaReminder && state.State.Live.Count == 0)
        {
            DeactivateOnIdle();
        }

        return saved;
    });

    public Task WakeAsync()
    {
        Known();
        return Task.CompletedTask;
    }

    /// <summary>The score under the health model in force (a snapshot taken under an earlier one, a model change); published when it moved.</summary>
    private void Rescore()
    {
        if (Customer.Rescore(services.Rules.Now.Model))
        {
            services.Publisher.Publish(Customer.Summary(services.Time.GetUtcNow()));
        }
    }

    /// <summary>The profile; without one this customer does not exist, and the activation is let go.</summary>
    private CustomerProfile? Known()
    {
        if (Customer.Profile is null)
        {
            DeactivateOnIdle();
        }

        return Customer.Profile;
    }

    private async Task<IngestOutcome[]> IngestAsync(Interaction[] interactions)
    {
        if (Customer.Profile is null)
        {
            DeactivateOnIdle();
            return [.. interactions.Select(e => IngestOutcome.Rejected(e.EventId, "customerId", $"unknown customer '{Customer.CustomerId}'"))];
        }

        // An event whose case or conversation id is another customer's is refused before anything is journaled.
        var refused = await CustomerIdClaims.CheckAsync(Customer, interactions, services);
        var recorded = interactions.Where((_, i) => refused[i] is null).ToArray();
        var outcomes = recorded.Length == 0 ? [] : await parts.Events.RecordAsync(recorded);
        if (outcomes is null)
        {
            // Whether the batch committed is unknown: drop this activation so the next one rebuilds from the log.
            DeactivateOnIdle();
            outcomes = [.. recorded.Select(e => IngestOutcome.Unavailable(e.EventId))];
        }

        var next = 0;
        return [.. refused.Select(r => r ?? outcomes[next++])];
    }

    /// <summary>A write outside ingest (an action, a policy refresh): serialized with everything else, then the SLA timer re-armed.</summary>
    private Task<T> Write<T>(Func<Task<T>> work) => parts.Queue.Run(async () =>
    {
        var result = await work();
        await AfterWriteAsync();
        return result;
    });

    private async Task AfterWriteAsync()
    {
        await parts.Sla.ScheduleAsync();
        await parts.Snapshots.WriteIfDueAsync(force: false);
    }
}
