using System.Text.Json;
using System.Threading.Channels;
using HealthGrid.Domain.Connectors;
using HealthGrid.Hosting.Background;
using HealthGrid.Hosting.Configuration;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Api.Connectors.RabbitMq;

/// <summary>
/// Consumes the configured RabbitMQ queues on this silo. Each pass takes the deliveries that have
/// arrived (at most a prefetch per queue are ever in flight), turns them into events, ingests them
/// together and settles each: acknowledged once its event is durable (or a duplicate of one that is),
/// dead-lettered with the reason when it cannot become an event. When the journal cannot make an event
/// durable, its message is held and retried with a growing pause, and no new message is taken until it
/// went through: the broker stops delivering at the prefetch, so the queue waits in RabbitMQ, not here.
/// Every few seconds the loop also opens consumers for new or changed connectors (and for lost
/// connections), closes removed ones, and samples each queue's lag.
/// </summary>
public sealed partial class QueueConsumerLoop(
    ConfigurationArea<ConnectorOptions> connectors, QueueMessageSettler settler, QueueMetrics metrics, TimeProvider time, ILogger<QueueConsumerLoop> logger)
    : BackgroundLoop(time, logger)
{
    private static readonly TimeSpan ReconcileInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);
    private const int MostPerPass = 2_000;

    private readonly Channel<QueueMessage> inbox = Channel.CreateUnbounded<QueueMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, (QueueConsumer Consumer, string Settings)> running = new(StringComparer.Ordinal);
    private readonly HashSet<string> failing = new(StringComparer.Ordinal);
    private List<QueueMessage> held = [];
    private TimeSpan pause;
    private DateTimeOffset retryAt;
    private DateTimeOffset reconcileAt;

    public override LoopStage Stage => LoopStage.Active;

    protected override async Task WaitForWorkAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var until = held.Count > 0 ? Min(retryAt, reconcileAt) : reconcileAt;
        if (until <= now)
        {
            return;
        }

        using var timer = new CancellationTokenSource(until - now, Time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            if (held.Count > 0)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, Time, either.Token);
            }
            else
            {
                await inbox.Reader.WaitToReadAsync(either.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The timer: time to reconcile or to retry.
        }
    }

    protected override async Task RunOnceAsync()
    {
        var now = Time.GetUtcNow();
        if (now >= reconcileAt)
        {
            reconcileAt = now + ReconcileInterval;
            await ReconcileAsync();
        }

        if (held.Count > 0 && now < retryAt)
        {
            return;
        }

        var batch = held.Count > 0 ? held : Drain();
        held = [];
        var retried = batch.Count > 0 && pause > TimeSpan.Zero;
        var unsettled = await settler.SettleAsync([.. batch.Where(IsCurrent)], retry: retried);
        if (unsettled.Count > 0)
        {
            pause = pause == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : Min(pause * 2, LongestPause);
            retryAt = Time.GetUtcNow() + pause;
            held = unsettled;
            LogPaused(unsettled.Count, pause.TotalSeconds);
        }
        else if (retried)
        {
            pause = TimeSpan.Zero;
            LogResumed();
        }
    }

    /// <summary>Closing the connections returns their unacknowledged messages to the queues.</summary>
    protected override async Task FinalPassAsync()
    {
        foreach (var id in running.Keys.ToList())
        {
            await CloseAsync(id);
        }
    }

    private List<QueueMessage> Drain()
    {
        var batch = new List<QueueMessage>();
        while (batch.Count < MostPerPass && inbox.Reader.TryRead(out var message))
        {
            batch.Add(message);
        }

        return batch;
    }

    /// <summary>A delivery from a consumer closed since can no longer be settled: the broker delivers it again.</summary>
    private bool IsCurrent(QueueMessage message) =>
        running.TryGetValue(message.Consumer.Settings.Id, out var current) && ReferenceEquals(current.Consumer, message.Consumer) && message.Consumer.IsOpen;

    private async Task ReconcileAsync()
    {
        var wanted = connectors.CurrentValue.RabbitMq.Where(c => c.Enabled).ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var (id, current) in running.ToList())
        {
            if (!wanted.TryGetValue(id, out var settings) || Describe(settings) != current.Settings || !current.Consumer.IsOpen)
            {
                await CloseAsync(id);
            }
        }

        foreach (var settings in wanted.Values.Where(s => !running.ContainsKey(s.Id)))
        {
            try
            {
                var consumer = await QueueConsumer.StartAsync(settings, inbox.Writer, Time, $"healthgrid {Environment.MachineName} {settings.Id}", CancellationToken.None);
                running[settings.Id] = (consumer, Describe(settings));
                failing.Remove(settings.Id);
                LogConsuming(settings.Id, settings.Queue, settings.Prefetch);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Logged once per outage, retried at every reconcile.
                if (failing.Add(settings.Id))
                {
                    LogConnectFailed(ex, settings.Id, settings.Queue);
                }
            }
        }

        foreach (var (id, current) in running)
        {
            try
            {
                metrics.Lag(id, await current.Consumer.WaitingAsync());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogLagFailed(ex, id);
            }
        }
    }

    private async Task CloseAsync(string id)
    {
        var (consumer, _) = running[id];
        running.Remove(id);
        metrics.Forget(id);
        await consumer.DisposeAsync();
    }

    /// <summary>A connector's settings as compared between versions of the area: any change reopens its consumer.</summary>
    private static string Describe(RabbitMqConnectorSettings settings) => JsonSerializer.Serialize(settings);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Consuming queue '{Queue}' for connector '{Connector}' with a prefetch of {Prefetch}")]
    private partial void LogConsuming(string connector, string queue, int prefetch);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Connector '{Connector}' cannot consume queue '{Queue}'; retrying every few seconds")]
    private partial void LogConnectFailed(Exception exception, string connector, string queue);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "{Count} queue messages could not be made durable; consumption paused, retrying in {Seconds} s")]
    private partial void LogPaused(int count, double seconds);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "Queue messages are durable again; consumption resumed")]
    private partial void LogResumed();

    [LoggerMessage(EventId = 3105, Level = LogLevel.Debug, Message = "The lag of connector '{Connector}' could not be sampled")]
    private partial void LogLagFailed(Exception exception, string connector);
}
