namespace HealthGrid.Hosting;

/// <summary>
/// A per-silo loop that flushes batched work every <see cref="Interval"/> or when woken. It runs in
/// the silo lifecycle at <see cref="ServiceLifecycleStage.ApplicationServices"/>: it starts before
/// grains take traffic and stops only after every grain has deactivated, with one last flush.
/// </summary>
public abstract class SiloBatcher : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly SemaphoreSlim wake = new(0);
    private readonly CancellationTokenSource stopping = new();
    private Task loop = Task.CompletedTask;

    protected abstract TimeSpan Interval { get; }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(GetType().Name, ServiceLifecycleStage.ApplicationServices, Start, Stop);

    public void Dispose()
    {
        stopping.Dispose();
        wake.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Writes out whatever has accumulated. Must not throw.</summary>
    protected abstract Task FlushOnceAsync();

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
