using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Hosting.Background;

/// <summary>
/// A loop that runs a pass whenever items are queued: batching by backlog, not by a timer, so work on a
/// quiet silo goes out at once and work on a busy one goes out together. Stopping refuses new items
/// and passes until the queue is empty.
/// </summary>
public abstract class QueueLoop<T>(TimeProvider time, ILogger logger) : BackgroundLoop(time, logger)
{
    private readonly Channel<T> queue = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>What a pass reads from: whatever has queued up since the last one.</summary>
    protected ChannelReader<T> Queue => queue.Reader;

    /// <summary>False once the loop is stopping: nothing queued then would be carried out.</summary>
    protected bool TryEnqueue(T item) => queue.Writer.TryWrite(item);

    protected sealed override async Task WaitForWorkAsync(CancellationToken cancellationToken)
    {
        if (!await queue.Reader.WaitToReadAsync(cancellationToken))
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    protected sealed override async Task FinalPassAsync()
    {
        queue.Writer.TryComplete();
        while (queue.Reader.TryPeek(out _))
        {
            await PassAsync();
        }
    }
}
