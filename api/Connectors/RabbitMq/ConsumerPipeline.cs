using System.Threading.Channels;

namespace HealthGrid.Api.Connectors.RabbitMq;

/// <summary>
/// One consumer's path through the loop: its deliveries wait in its own inbox, one batch of them is
/// being settled at a time (so its acknowledgements stay in delivery order), and the batch the journal
/// could not take is held and retried with a growing pause while nothing new is taken from it. Several
/// pipelines settle at once: one consumer's messages are parsed while another's are being stored.
/// </summary>
internal sealed class ConsumerPipeline(QueueConsumer consumer, Channel<QueueMessage> inbox)
{
    private const int MostPerBatch = 2_000;
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);

    private Task<List<QueueMessage>>? settling;
    private List<QueueMessage> settlingBatch = [];
    private bool settlingRetry;
    private List<QueueMessage> held = [];
    private TimeSpan pause;

    public QueueConsumer Consumer => consumer;

    /// <summary>When the held batch is retried; null when nothing is held.</summary>
    public DateTimeOffset? RetryAt { get; private set; }

    /// <summary>What the loop waits on for this pipeline: its batch being settled (done already when its outcome awaits collecting), or its next delivery (none while a held batch waits for its retry).</summary>
    public Task? Work(CancellationToken cancellationToken) =>
        settling is { } busy ? busy
        : RetryAt is not null ? null
        : inbox.Reader.WaitToReadAsync(cancellationToken).AsTask();

    /// <summary>Takes in a finished batch's outcome, then starts the next batch if one is due: the held one at its retry, else what has arrived.</summary>
    public void Advance(QueueMessageSettler settler, DateTimeOffset now, Action<int, double> paused, Action resumed)
    {
        if (settling is { IsCompleted: false })
        {
            return;
        }

        if (settling is { } done)
        {
            settling = null;

            // A batch whose settling failed outright (a grain call that threw) is held like one the journal refused.
            var unsettled = done.IsCompletedSuccessfully ? done.Result : settlingBatch;
            if (unsettled.Count > 0)
            {
                pause = pause == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : Min(pause * 2, LongestPause);
                held = unsettled;
                RetryAt = now + pause;
                paused(unsettled.Count, pause.TotalSeconds);
            }
            else if (settlingRetry)
            {
                pause = TimeSpan.Zero;
                resumed();
            }
        }

        if (RetryAt is { } retryAt)
        {
            if (now < retryAt)
            {
                return;
            }

            (settlingBatch, settlingRetry, RetryAt) = (held, true, null);
            held = [];
            settling = settler.SettleAsync(consumer, settlingBatch, retry: true);
            return;
        }

        var batch = new List<QueueMessage>();
        while (batch.Count < MostPerBatch && inbox.Reader.TryRead(out var message))
        {
            batch.Add(message);
        }

        if (batch.Count > 0)
        {
            (settlingBatch, settlingRetry) = (batch, false);
            settling = settler.SettleAsync(consumer, batch, retry: false);
        }
    }

    /// <summary>Stopping: the batch being settled finishes (its acknowledgements go out), then the consumer closes.</summary>
    public async Task CloseAsync()
    {
        if (settling is { } last)
        {
            // Its outcome was logged where it failed; what it did not settle returns to the queue.
            await Task.WhenAny(last);
        }

        await consumer.DisposeAsync();
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
