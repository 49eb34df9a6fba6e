namespace HealthGrid.Grains.Hosting;

/// <summary>
/// A per-silo loop that flushes batched work every <see cref="Interval"/> or when woken, running in
/// the silo lifecycle at <see cref="Stage"/> and ending with one last flush when that stage stops.
/// </summary>
public abstract class SiloBatcher : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly SemaphoreSlim wake = new(0);
    private readonly CancellationTokenSource stopping = new();
    private Task loop = Task.CompletedTask;

    protected abstract TimeSpan Interval { get; }

    /// <summary>
    /// By default <see cref="ServiceLifecycleStage.ApplicationServices"/>: started before grains take
    /// traffic, stopped only after every grain has deactivated (and flushed into this batcher).
    /// </summary>
    protected virtual int Stage => ServiceLifecycleStage.ApplicationServices;

    /// <summary>True once the silo is stopping this batcher: the last flush must not wake grains.</summary>
    protected bool Stopping => stopping.IsCancellationRequested;

    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(GetType().Name, Stage, Start, Stop);

    public void Dispose()
    {
        stopping.Dispose();
        wake.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Writes out whatever has accumulated. Must not throw.</summary>
    protected abstract Task FlushOnceAsync();

    /// <summary>Flushes on the caller's thread; lets tests put a flush exactly where a race would.</summary>
    internal Task FlushNowAsync() => FlushOnceAsync();

    /// <summary>Asks for a flush now instead of at the next interval.</summary>
    protected void Wake() => wake.Release();

    private Task Start(CancellationToken cancellationToken)
    {
        loop = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task Stop(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await loop;
        await FlushOnceAsync();
    }

    private async Task RunAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await wake.WaitAsync(Interval, stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await FlushOnceAsync();
        }
    }
}
