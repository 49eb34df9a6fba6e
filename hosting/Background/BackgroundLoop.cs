using Microsoft.Extensions.Logging;

namespace HealthGrid.Hosting.Background;

/// <summary>
/// The one way HealthGrid runs background work. A loop waits for work (<see cref="WaitForWorkAsync"/>:
/// an interval or a wake-up for <see cref="PeriodicLoop"/>, queued items for <see cref="QueueLoop{T}"/>),
/// runs one pass, and repeats until it is stopped; stopping runs a final pass so that nothing handed
/// to it is left behind. It is started and stopped by the silo's lifecycle at its <see cref="Stage"/>,
/// never from a constructor. Every wait goes through the <see cref="TimeProvider"/>, so a test on a
/// fake clock advances the clock and awaits <see cref="NextPassAsync"/> instead of sleeping.
/// </summary>
public abstract partial class BackgroundLoop(TimeProvider time, ILogger logger)
{
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private TaskCompletionSource nextPass = NewSignal();
    private Task running = Task.CompletedTask;

    public abstract LoopStage Stage { get; }

    public string Name => GetType().Name;

    protected TimeProvider Time => time;

    /// <summary>True once the loop is being stopped: its final pass runs while the silo shuts down.</summary>
    protected bool Stopping => stopping.IsCancellationRequested;

    /// <summary>Completes when the next pass (one that has not begun yet) has finished; faults with its error if it failed.</summary>
    public Task NextPassAsync()
    {
        lock (gate)
        {
            return nextPass.Task;
        }
    }

    public async Task StartAsync()
    {
        await PrepareAsync();

        // Off the caller's scheduler: the silo lifecycle must not run the loop on its own context.
        running = Task.Run(RunAsync, CancellationToken.None);
    }

    public async Task StopAsync()
    {
        await stopping.CancelAsync();
        await running;
        await FinalPassAsync();
    }

    /// <summary>Returns when there is work or it is time for a pass; throws <see cref="OperationCanceledException"/> when stopping.</summary>
    protected abstract Task WaitForWorkAsync(CancellationToken cancellationToken);

    /// <summary>One pass over whatever has accumulated.</summary>
    protected abstract Task RunOnceAsync();

    /// <summary>What must be done before the loop's stage of the silo's start completes (the start waits for it, and fails with it).</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    /// <summary>What stopping does after the loop has ended: by default one more pass.</summary>
    protected virtual Task FinalPassAsync() => PassAsync();

    /// <summary>Runs one pass on the caller's thread, exactly as the loop does: lets a test put a pass precisely where a race would be.</summary>
    internal protected async Task PassAsync()
    {
        TaskCompletionSource pass;
        lock (gate)
        {
            pass = nextPass;
            nextPass = NewSignal();
        }

        try
        {
            await RunOnceAsync();
            pass.TrySetResult();
        }
        catch (Exception ex)
        {
            LogPassFailed(ex, Name);
            pass.TrySetException(ex);

            // Observed here: a failed pass nobody waited for is logged, not reported again by the finalizer.
            _ = pass.Task.Exception;
        }
    }

    private async Task RunAsync()
    {
        while (!Stopping)
        {
            try
            {
                await WaitForWorkAsync(stopping.Token);
            }
            catch (OperationCanceledException) when (Stopping)
            {
                return;
            }

            await PassAsync();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(EventId = 2901, Level = LogLevel.Warning, Message = "A pass of {Loop} failed; it runs again at its next turn")]
    private partial void LogPassFailed(Exception exception, string loop);
}
