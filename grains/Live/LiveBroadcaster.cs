using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Live;
using HealthGrid.GrainInterfaces.Live;
using HealthGrid.Grains.Alerts;
using HealthGrid.Hosting.Background;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Grains.Live;

/// <summary>
/// One per silo. Grains hand it live changes without waiting; a single loop sends whatever has
/// queued up, by kind, as one batch to every silo's live-push endpoint (so a dashboard on any silo
/// sees changes made on any other). Batching is by backlog, not by a timer: an alert on a quiet silo
/// goes out at once. Customer and case changes arrive already coalesced by the projection flush.
/// The endpoints are read from the registry every few seconds, never per change.
/// </summary>
public sealed partial class LiveBroadcaster(IGrainFactory grains, AlertMetrics metrics, TimeProvider time, ILogger<LiveBroadcaster> logger)
    : QueueLoop<LiveBroadcaster.Change>(time, logger)
{
    private const int MaxBatch = 500;
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);
    private readonly Batch batch = new();
    private ILiveSubscriber[] subscribers = [];
    private DateTimeOffset refreshedAt = DateTimeOffset.MinValue;

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

    /// <summary>Forget the cached endpoints, e.g. when a new one registers.</summary>
    public void Refresh() => refreshedAt = DateTimeOffset.MinValue;

    protected override async Task RunOnceAsync()
    {
        while (batch.Size < MaxBatch && Queue.TryRead(out var change))
        {
            batch.Add(change);
        }

        try
        {
            await SendAsync(batch);
        }
        catch (Exception ex)
        {
            LogSendFailed(ex, batch.Size);
        }

        batch.Clear();
    }

    private async Task SendAsync(Batch batch)
    {
        if (Time.GetUtcNow() - refreshedAt > RefreshEvery || subscribers.Length == 0)
        {
            subscribers = await grains.GetGrain<ILiveSubscribersGrain>(ILiveSubscribersGrain.GlobalKey).CurrentAsync();
            refreshedAt = Time.GetUtcNow();
        }

        Alert[] alerts = [.. batch.Alerts];
        LiveInteractionView[] interactions = [.. batch.Interactions];
        CustomerUpdate[] customers = [.. batch.Customers];
        CaseView[] cases = [.. batch.Cases];
        ContinuityRun[] runs = [.. batch.Runs.Values];
        foreach (var subscriber in subscribers)
        {
            // One-way: a slow or gone silo costs nothing here; the registry drops it when its lease ends.
            if (alerts.Length > 0)
            {
                _ = subscriber.OnAlertsAsync(alerts);
            }

            if (interactions.Length > 0)
            {
                _ = subscriber.OnInteractionsAsync(interactions);
            }

            if (customers.Length > 0)
            {
                _ = subscriber.OnCustomersAsync(customers);
            }

            if (cases.Length > 0)
            {
                _ = subscriber.OnCasesAsync(cases);
            }

            if (runs.Length > 0)
            {
                _ = subscriber.OnContinuityRunsAsync(runs);
            }
        }

        metrics.Pushed(alerts.Length * subscribers.Length);
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Pushing {Count} live changes failed; they are kept in the lists")]
    private partial void LogSendFailed(Exception exception, int count);

    /// <summary>One live change, of one kind.</summary>
    public readonly record struct Change
    {
        public Alert? Alert { get; init; }

        public LiveInteractionView? Interaction { get; init; }

        public CustomerUpdate[]? Customers { get; init; }

        public CaseView[]? Cases { get; init; }

        public ContinuityRun? Run { get; init; }
    }

    private sealed class Batch
    {
        public List<Alert> Alerts { get; } = [];

        public List<LiveInteractionView> Interactions { get; } = [];

        public List<CustomerUpdate> Customers { get; } = [];

        public List<CaseView> Cases { get; } = [];

        /// <summary>The newest progress of each run: an older one in the same batch says nothing new.</summary>
        public Dictionary<string, ContinuityRun> Runs { get; } = new(StringComparer.Ordinal);

        public int Size => Alerts.Count + Interactions.Count + Customers.Count + Cases.Count + Runs.Count;

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
        }

        public void Clear()
        {
            Alerts.Clear();
            Interactions.Clear();
            Customers.Clear();
            Cases.Clear();
            Runs.Clear();
        }
    }
}
