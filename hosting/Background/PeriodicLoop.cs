using Microsoft.Extensions.Logging;

namespace HealthGrid.Hosting.Background;

/// <summary>
/// A loop that runs a pass every <see cref="Interval"/> (on the <see cref="TimeProvider"/>) or as soon
/// as it is woken, whichever comes first.
/// </summary>
public abstract class PeriodicLoop(TimeProvider time, ILogger logger) : BackgroundLoop(time, logger)
{
    private readonly Lock gate = new();
    private TaskCompletionSource woken = NewSignal();
    private bool first = true;

    /// <summary>Read before every wait, so a loop may change it (back off after a failure, say); infinite: only when woken.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>Whether the first pass runs as soon as the loop starts, rather than after the first interval.</summary>
    protected virtual bool RunsAtStart => false;

    /// <summary>Runs a pass now instead of at the next interval, and completes when a pass begun after this call has finished.</summary>
    public Task RunNowAsync()
    {
        var pass = NextPassAsync();
        Wake();
        return pass;
    }

    /// <summary>Asks for a pass now; several wake-ups before it begins make one pass.</summary>
    protected void Wake()
    {
        lock (gate)
        {
            woken.TrySetResult();
        }
    }

    protected sealed override async Task WaitForWorkAsync(CancellationToken cancellationToken)
    {
        if (first)
        {
            first = false;
            if (RunsAtStart)
            {
                return;
            }
        }

        Task wake;
        lock (gate)
        {
            wake = woken.Task;
        }

        if (!wake.IsCompleted)
        {
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(wake, Task.Delay(Interval, Time, waiting.Token));
            await waiting.CancelAsync();
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            if (woken.Task.IsCompleted)
            {
                woken = NewSignal();
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
