using HealthGrid.Domain.Configuration;
using HealthGrid.GrainInterfaces.Cluster;
using HealthGrid.GrainInterfaces.Live;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Grains.Cluster;

/// <summary>
/// What this silo has for one peer, sent in order, one envelope in flight: whatever queues up while
/// one is on its way goes in the next, so a busy silo sends fewer, bigger envelopes. A failed or
/// timed-out delivery is retried with the same number until it succeeds or the peer leaves the
/// cluster. When a peer stays unreachable the oldest live changes are let go past a bound, and the
/// next envelope skips a number so that the peer knows to resynchronise its dashboards.
/// </summary>
internal sealed partial class PeerOutbox(SiloAddress peer, SiloAddress sender, Func<PeerEnvelope, Task> deliver, TimeProvider time, ILogger logger)
{
    private const int MaxQueuedChanges = 100_000;
    private const int MaxChangesPerEnvelope = 2_000;
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(2);

    private readonly Lock gate = new();
    private readonly Queue<Item> queue = new();
    private readonly CancellationTokenSource closing = new();
    private TaskCompletionSource work = NewSignal();
    private TaskCompletionSource idle = Completed();
    private Task running = Task.CompletedTask;
    private int queuedChanges;
    private bool lostSome;
    private long sequence;

    public SiloAddress Peer => peer;

    public void Start() => running = Task.Run(RunAsync, CancellationToken.None);

    public void Post(LiveChanges changes)
    {
        lock (gate)
        {
            queue.Enqueue(new Item(changes, null, null));
            queuedChanges += changes.Count;
            while (queuedChanges > MaxQueuedChanges && queue.Peek().Live is { } oldest)
            {
                queue.Dequeue();
                queuedChanges -= oldest.Count;
                lostSome = true;
            }

            Signal();
        }
    }

    /// <summary>Completes with true once the peer has put the version in force, false if it left first.</summary>
    public Task<bool> PostAsync(ConfigurationVersion version)
    {
        var delivered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            queue.Enqueue(new Item(null, version, delivered));
            Signal();
        }

        return delivered.Task;
    }

    /// <summary>Waits until everything queued so far has been delivered, or <paramref name="timeout"/> has passed.</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        Task drained;
        lock (gate)
        {
            drained = idle.Task;
        }

        await Task.WhenAny(drained, Task.Delay(timeout, time));
    }

    /// <summary>The peer left: stop sending to it; whatever waited for a delivery learns it did not happen.</summary>
    public async Task CloseAsync()
    {
        await closing.CancelAsync();
        await running;
        lock (gate)
        {
            foreach (var item in queue)
            {
                item.Delivered?.TrySetResult(false);
            }

            queue.Clear();
            idle.TrySetResult();
        }
    }

    private void Signal()
    {
        work.TrySetResult();
        if (idle.Task.IsCompleted)
        {
            idle = NewSignal();
        }
    }

    private async Task RunAsync()
    {
        while (!closing.IsCancellationRequested)
        {
            try
            {
                await work.Task.WaitAsync(closing.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            while (Take() is { } next)
            {
                await SendAsync(next.Envelope, next.Items);
            }
        }
    }

    private (PeerEnvelope Envelope, List<Item> Items)? Take()
    {
        lock (gate)
        {
            if (queue.Count == 0)
            {
                work = NewSignal();
                idle.TrySetResult();
                return null;
            }

            var items = new List<Item>();
            var changes = 0;
            while (queue.Count > 0 && (items.Count == 0 || changes + (queue.Peek().Live?.Count ?? 0) <= MaxChangesPerEnvelope))
            {
                var item = queue.Dequeue();
                changes += item.Live?.Count ?? 0;
                items.Add(item);
            }

            queuedChanges -= changes;
            sequence += lostSome ? 2 : 1;
            lostSome = false;
            var live = items.Where(i => i.Live is not null).Select(i => i.Live!).ToList();
            return (new PeerEnvelope
            {
                Sender = sender,
                Seq = sequence,
                Configuration = [.. items.Where(i => i.Version is not null).Select(i => i.Version!)],
                Live = live.Count == 0 ? null : LiveChanges.Merge(live),
            }, items);
        }
    }

    private async Task SendAsync(PeerEnvelope envelope, List<Item> items)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await deliver(envelope).WaitAsync(DeliveryTimeout, time, closing.Token);
                if (attempt > 0)
                {
                    LogRecovered(peer, attempt);
                }

                items.ForEach(i => i.Delivered?.TrySetResult(true));
                return;
            }
            catch (OperationCanceledException) when (closing.IsCancellationRequested)
            {
                items.ForEach(i => i.Delivered?.TrySetResult(false));
                return;
            }
            catch (Exception ex)
            {
                if (attempt == 0)
                {
                    LogDeliveryFailed(ex, peer);
                }
            }

            try
            {
                await Task.Delay(Backoff(attempt), time, closing.Token);
            }
            catch (OperationCanceledException)
            {
                items.ForEach(i => i.Delivered?.TrySetResult(false));
                return;
            }
        }
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromTicks(Math.Min(MaxRetry.Ticks, FirstRetry.Ticks << Math.Min(attempt, 10)));

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static TaskCompletionSource Completed()
    {
        var done = NewSignal();
        done.SetResult();
        return done;
    }

    [LoggerMessage(EventId = 2302, Level = LogLevel.Warning, Message = "Delivering to {Peer} failed; retrying until it answers or leaves the cluster")]
    private partial void LogDeliveryFailed(Exception exception, SiloAddress peer);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Information, Message = "Delivering to {Peer} succeeded again after {Attempts} retries")]
    private partial void LogRecovered(SiloAddress peer, int attempts);

    private sealed record Item(LiveChanges? Live, ConfigurationVersion? Version, TaskCompletionSource<bool>? Delivered);
}
