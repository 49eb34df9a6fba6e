using System.Collections.Concurrent;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Live;
using HealthGrid.GrainInterfaces.Live;

namespace HealthGrid.Tests.Grains;

/// <summary>
/// A silo's live receiver for a test cluster (which has no dashboard hub): records the conversations
/// and continuity runs the fan-out delivers, so that tests wait for a push rather than poll.
/// </summary>
public sealed class LiveRecorder : ILiveSubscriber
{
    private readonly ConcurrentQueue<LiveInteractionView> conversations = new();
    private readonly ConcurrentQueue<ContinuityRun> runs = new();
    private readonly Lock gate = new();
    private TaskCompletionSource pushed = NewSignal();

    public Task OnChangesAsync(LiveChanges changes)
    {
        foreach (var view in changes.Interactions)
        {
            conversations.Enqueue(view);
        }

        foreach (var run in changes.Runs)
        {
            runs.Enqueue(run);
        }

        Signal();
        return Task.CompletedTask;
    }

    public Task OnResyncAsync(string reason) => Task.CompletedTask;

    public IEnumerable<LiveInteractionView> Conversation(string id) => conversations.Where(c => c.Id == id);

    public IEnumerable<ContinuityRun> Run(string id) => runs.Where(r => r.Id == id);

    /// <summary>Waits until a push makes <paramref name="done"/> hold.</summary>
    public async Task UntilAsync(Func<LiveRecorder, bool> done, string what)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            Task next;
            lock (gate)
            {
                next = pushed.Task;
            }

            if (done(this))
            {
                return;
            }

            try
            {
                await next.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No push brought {what}.");
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Signal()
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            signal = pushed;
            pushed = NewSignal();
        }

        signal.TrySetResult();
    }
}
