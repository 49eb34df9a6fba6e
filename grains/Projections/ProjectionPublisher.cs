using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Live;
using HealthGrid.GrainInterfaces.Accounts;
using HealthGrid.Grains.Live;
using HealthGrid.Grains.Notifications;
using HealthGrid.Grains.Notifications.Delivery;
using HealthGrid.Hosting.Background;
using HealthGrid.Storage.Projections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGrid.Grains.Projections;

/// <summary>
/// One per silo. Customer grains hand it their latest summary and score changes without waiting;
/// it writes them to the projection store and pushes summaries to their account grains in batches,
/// so neither the store nor a busy account sees one call per event.
/// <see cref="FlushAsync"/> waits until everything published before the call is written, which a
/// customer grain does before a snapshot so that the snapshot never claims more than the store holds.
/// </summary>
public sealed partial class ProjectionPublisher(
    IProjectionStore store,
    LiveBroadcaster live,
    NotificationDecider notifications,
    NotificationWorker deliveries,
    IGrainFactory grains,
    ISiloStatusOracle silo,
    IOptions<ProjectionOptions> options,
    TimeProvider time,
    ILogger<ProjectionPublisher> logger) : PeriodicLoop(time, logger)
{
    private readonly Lock gate = new();
    private PendingProjections pending = new();

    /// <summary>
    /// The batch being written, still readable until the store has it: without it a read in the middle
    /// of a flush found a change neither pending nor stored.
    /// </summary>
    private PendingProjections? writing;

    /// <summary>Up before grains take traffic, down after every grain has deactivated and flushed into it.</summary>
    public override LoopStage Stage => LoopStage.Publishing;

    /// <summary>While a notification that is due now waits for its flush, the flush comes within this: soon, yet batched in a storm.</summary>
    private static readonly TimeSpan UrgentInterval = TimeSpan.FromMilliseconds(5);

    /// <summary>Whether the pending batch holds a notification due now.</summary>
    private bool urgent;

    protected override TimeSpan Interval => Volatile.Read(ref urgent) ? UrgentInterval : options.Value.FlushInterval;

    public void Publish(CustomerSummary summary)
    {
        lock (gate)
        {
            pending.Add(summary);
        }
    }

    public void Record(ScoreChange change)
    {
        lock (gate)
        {
            pending.Add(change);
        }
    }

    public void Publish(CaseView @case)
    {
        lock (gate)
        {
            pending.Add(@case);
        }
    }

    /// <summary>
    /// An alert change, and what it requires notified: stored together by the next flush, which starts
    /// at once when a notification is due now (a page must not wait for the flush interval).
    /// </summary>
    public void Publish(Alert alert)
    {
        var decision = notifications.Decide(alert);
        var dueNow = decision.Settlement is not null || decision.Planned.Any(p => p.DueAt <= decision.At);
        bool wasUrgent;
        lock (gate)
        {
            pending.Add(alert);
            if (!decision.IsEmpty)
            {
                pending.Notifications.Add(decision);
            }

            wasUrgent = urgent;
            urgent |= dueNow;
        }

        if (dueNow && !wasUrgent)
        {
            // The loop may be waiting out the long interval: the first urgent decision ends that wait.
            Wake();
        }
    }

    public void Publish(CustomerTimer timer)
    {
        lock (gate)
        {
            pending.Add(timer);
        }
    }

    public void Publish(CustomerDependencies dependencies)
    {
        lock (gate)
        {
            pending.Add(dependencies);
        }
    }

    /// <summary>An alert published on this silo but not yet written, so it can be found at once.</summary>
    public Alert? PendingAlert(string alertId)
    {
        lock (gate)
        {
            return pending.Alerts.GetValueOrDefault(alertId) ?? writing?.Alerts.GetValueOrDefault(alertId);
        }
    }

    /// <summary>A case published on this silo but not yet written.</summary>
    public CaseView? PendingCase(string caseId)
    {
        lock (gate)
        {
            return pending.Cases.GetValueOrDefault(caseId) ?? writing?.Cases.GetValueOrDefault(caseId);
        }
    }

    /// <summary>Changes of a customer published but not yet written (or being written), so reads can include them.</summary>
    public ScoreChange[] PendingChanges(string customerId)
    {
        lock (gate)
        {
            List<ScoreChange> changes = [];
            if (writing?.Changes.TryGetValue(customerId, out var inFlight) == true)
            {
                changes.AddRange(inFlight);
            }

            if (pending.Changes.TryGetValue(customerId, out var waiting))
            {
                changes.AddRange(waiting);
            }

            return [.. changes];
        }
    }

    /// <summary>Writes everything published before the call; faults when the store could not take it.</summary>
    public Task FlushAsync() => RunNowAsync();

    protected override async Task RunOnceAsync()
    {
        PendingProjections batch;
        lock (gate)
        {
            batch = pending;
            urgent = false;
            pending = new PendingProjections();
            writing = batch;
        }

        if (batch.IsEmpty)
        {
            Written();
            return;
        }

        try
        {
            await store.WriteAsync(batch.ToBatch(), CancellationToken.None);
            Written();
            if (batch.Notifications.Count > 0)
            {
                deliveries.Decided();
            }

        }
        catch
        {
            lock (gate)
            {
                pending.Restore(batch);
                writing = null;
            }

            // The pass fails (and is logged as such): whoever waits on this flush, a snapshot say, must not go on as if it were written; the batch goes out again with the next.
            throw;
        }

        PushToDashboards(batch);
        if (batch.Summaries.Count > 0 && !silo.CurrentStatus.IsTerminating())
        {
            // Once the silo stops, account grains are going or gone and cannot be placed here (a push would wait
            // out the call timeout behind every customer's last snapshot); they rebuild from the directory just written.
            await PushToAccountsAsync(batch.Summaries.Values);
        }
    }

    /// <summary>What this flush wrote is what dashboards see next: one update per customer and case per flush, however often they changed.</summary>
    private void PushToDashboards(PendingProjections batch)
    {
        if (batch.Summaries.Count == 0 && batch.Cases.Count == 0)
        {
            return;
        }

        live.Publish(
            [.. batch.Summaries.Values.Select(s => new CustomerUpdate(s, batch.Changes.TryGetValue(s.Id, out var changes) ? changes.MaxBy(c => c.Seq) : null))],
            [.. batch.Cases.Values]);
    }

    private async Task PushToAccountsAsync(IEnumerable<CustomerSummary> summaries)
    {
        var byAccount = summaries.GroupBy(s => s.AccountId, StringComparer.Ordinal).ToList();
        var pushes = byAccount.Select(async group =>
        {
            try
            {
                await grains.GetGrain<IAccountGrain>(group.Key).ApplyCustomerSummariesAsync([.. group]);
            }
            catch (Exception ex)
            {
                // The account rebuilds from the store on activation and takes the next summary; retry these with it.
                LogAccountPushFailed(ex, group.Key);
                lock (gate)
                {
                    foreach (var summary in group)
                    {
                        pending.Add(summary);
                    }
                }
            }
        });
        await Task.WhenAll(pushes);
    }

    private void Written()
    {
        lock (gate)
        {
            writing = null;
        }
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Pushing customer summaries to account {AccountId} failed; they will be retried")]
    private partial void LogAccountPushFailed(Exception exception, string accountId);
}
