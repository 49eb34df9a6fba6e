using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Live;
using HealthGrid.Domain.ProcessOwners;
using HealthGrid.Domain.SystemChanges;
using HealthGrid.GrainInterfaces.Live;
using HealthGrid.Grains.Alerts;
using HealthGrid.Grains.Cluster;
using HealthGrid.Hosting.Background;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Grains.Live;

/// <summary>
/// One per silo. Grains hand it live changes without waiting; a single loop gathers whatever has
/// queued up, by kind, into one batch for the cluster fan-out, which takes it to every silo's
/// dashboards (so a dashboard on any silo sees changes made on any other). Batching is by backlog,
/// not by a timer: an alert on a quiet silo goes out at once. Customer and case changes arrive
/// already coalesced by the projection flush.
/// </summary>
public sealed class LiveBroadcaster(ClusterFanout fanout, AlertMetrics metrics, TimeProvider time, ILogger<LiveBroadcaster> logger)
    : QueueLoop<LiveBroadcaster.Change>(time, logger)
{
    private const int MaxBatch = 500;
    private readonly Batch batch = new();

    /// <summary>Up before grains raise anything, down after the last grain has deactivated.</summary>
    public override LoopStage Stage => LoopStage.Publishing;

    public void Publish(Alert alert)
    {
        if (alert.RaisedAt == alert.UpdatedAt && alert.State == AlertState.Raised)
        {
            metrics.Raised(alert);
        }

        TryEnqueue(new Change { Alert = alert });
    }

    public void Publish(LiveInteractionView interaction) => TryEnqueue(new Change { Interaction = interaction });

    public void Publish(CustomerUpdate[] customers, CaseView[] cases)
    {
        if (customers.Length > 0 || cases.Length > 0)
        {
            TryEnqueue(new Change { Customers = customers, Cases = cases });
        }
    }

    /// <summary>A continuity run's progress or result, for planners' dashboards.</summary>
    public void Publish(ContinuityRun run) => TryEnqueue(new Change { Run = run });

    /// <summary>A process owner's theme statistics after a tally, for process owners' and leadership's dashboards.</summary>
    public void Publish(ProcessOwnerView owner) => TryEnqueue(new Change { Owner = owner });

    public void Publish(SystemChangeRecord change) => TryEnqueue(new Change { SystemChange = change });

    public void Publish(AccountUpdate account) => TryEnqueue(new Change { Account = account });

    protected override Task RunOnceAsync()
    {
        while (batch.Size < MaxBatch && Queue.TryRead(out var change))
        {
            batch.Add(change);
        }

        var changes = batch.ToChanges();
        batch.Clear();
        fanout.Post(changes);
        metrics.Pushed(changes.Alerts.Length * fanout.PeerCount);
        return Task.CompletedTask;
    }

    /// <summary>One live change, of one kind.</summary>
    public readonly record struct Change
    {
        public Alert? Alert { get; init; }

        public LiveInteractionView? Interaction { get; init; }

        public CustomerUpdate[]? Customers { get; init; }

        public CaseView[]? Cases { get; init; }

        public ContinuityRun? Run { get; init; }

        public ProcessOwnerView? Owner { get; init; }

        public SystemChangeRecord? SystemChange { get; init; }

        public AccountUpdate? Account { get; init; }
    }

    private sealed class Batch
    {
        public List<Alert> Alerts { get; } = [];

        public List<LiveInteractionView> Interactions { get; } = [];

        public List<CustomerUpdate> Customers { get; } = [];

        public List<CaseView> Cases { get; } = [];

        /// <summary>The newest progress of each run: an older one in the same batch says nothing new.</summary>
        public Dictionary<string, ContinuityRun> Runs { get; } = new(StringComparer.Ordinal);

        /// <summary>The newest statistics of each owner.</summary>
        public Dictionary<string, ProcessOwnerView> Owners { get; } = new(StringComparer.Ordinal);

        public List<SystemChangeRecord> SystemChanges { get; } = [];

        /// <summary>The newest roll-up of each account.</summary>
        public Dictionary<string, AccountUpdate> Accounts { get; } = new(StringComparer.Ordinal);

        public int Size => Alerts.Count + Interactions.Count + Customers.Count + Cases.Count + Runs.Count + Owners.Count + SystemChanges.Count + Accounts.Count;

        public void Add(Change change)
        {
            if (change.Alert is { } alert)
            {
                Alerts.Add(alert);
            }

            if (change.Interaction is { } interaction)
            {
                Interactions.Add(interaction);
            }

            Customers.AddRange(change.Customers ?? []);
            Cases.AddRange(change.Cases ?? []);
            if (change.Run is { } run)
            {
                Runs[run.Id] = run;
            }

            if (change.Owner is { } owner)
            {
                Owners[owner.Id] = owner;
            }

            if (change.SystemChange is { } systemChange)
            {
                SystemChanges.Add(systemChange);
            }

            if (change.Account is { } account)
            {
                Accounts[account.Id] = account;
            }
        }

        public LiveChanges ToChanges() => new()
        {
            Alerts = [.. Alerts],
            Customers = [.. Customers],
            Cases = [.. Cases],
            Interactions = [.. Interactions],
            Runs = [.. Runs.Values],
            Owners = [.. Owners.Values],
            SystemChanges = [.. SystemChanges],
            Accounts = [.. Accounts.Values],
        };

        public void Clear()
        {
            Alerts.Clear();
            Interactions.Clear();
            Customers.Clear();
            Cases.Clear();
            Runs.Clear();
            Owners.Clear();
            SystemChanges.Clear();
            Accounts.Clear();
        }
    }
}
