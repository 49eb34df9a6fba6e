using System.Text.Json;
using System.Threading.Channels;
using HealthGrid.Domain.Connectors;
using HealthGrid.Hosting.Background;
using HealthGrid.Hosting.Configuration;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Api.Connectors.RabbitMq;

/// <summary>
/// Consumes the configured RabbitMQ queues on this silo, with several consumers per queue, each its own
/// <see cref="ConsumerPipeline"/>: the deliveries that have arrived (at most a prefetch per consumer are
/// ever in flight) become events, are ingested together and settled — acknowledged once durable (or a
/// duplicate of one that is), dead-lettered with the reason when they cannot become an event — while the
/// other consumers' batches do the same. When the journal cannot make an event durable, its batch is
/// held and retried with a growing pause and that consumer takes nothing new until it went through: the
/// broker stops delivering at the prefetch, so the queue waits in RabbitMQ, not here.
/// Every few seconds the loop also opens consumers for new or changed connectors (and for lost
/// connections), closes removed ones, and samples each queue's lag.
/// </summary>
public sealed partial class QueueConsumerLoop(
    ConfigurationArea<ConnectorOptions> connectors, QueueMessageSettler settler, QueueMetrics metrics, TimeProvider time, ILogger<QueueConsumerLoop> logger)
    : BackgroundLoop(time, logger)
{
    private static readonly TimeSpan ReconcileInterval = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, (ConsumerPipeline[] Pipelines, string Settings)> running = new(StringComparer.Ordinal);
    private readonly HashSet<string> failing = new(StringComparer.Ordinal);
    private DateTimeOffset reconcileAt;

    public override LoopStage Stage => LoopStage.Active;

    /// <summary>Returns when a pipeline's batch is settled, a delivery arrives for an idle one, or it is time to retry or reconcile.</summary>
    protected override async Task WaitForWorkAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var pipelines = running.Values.SelectMany(r => r.Pipelines).ToList();
        var until = pipelines.Select(p => p.RetryAt).Where(r => r is not null).Select(r => r!.Value).Append(reconcileAt).Min();
        if (until <= now)
        {
            return;
        }

        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var work = pipelines.Select(p => p.Work(waiting.Token)).OfType<Task>().Append(Task.Delay(until - now, Time, waiting.Token)).ToList();
        await Task.WhenAny(work);
        await waiting.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    protected override async Task RunOnceAsync()
    {
        var now = Time.GetUtcNow();
        if (now >= reconcileAt)
        {
            reconcileAt = now + ReconcileInterval;
            await ReconcileAsync();
        }

        foreach (var (id, current) in running)
        {
            foreach (var pipeline in current.Pipelines)
            {
                pipeline.Advance(settler, Time.GetUtcNow(), (count, seconds) => LogPaused(count, id, seconds), () => LogResumed(id));
            }
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

    private async Task ReconcileAsync()
    {
        var wanted = connectors.CurrentValue.RabbitMq.Where(c => c.Enabled).ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var (id, current) in running.ToList())
        {
            if (!wanted.TryGetValue(id, out var settings) || Describe(settings) != current.Settings || current.Pipelines.Any(p => !p.Consumer.IsOpen))
            {
                await CloseAsync(id);
            }
        }

        foreach (var settings in wanted.Values.Where(s => !running.ContainsKey(s.Id)))
        {
            var started = new List<ConsumerPipeline>();
            try
            {
                for (var i = 0; i < settings.Consumers; i++)
                {
                    var inbox = Channel.CreateUnbounded<QueueMessage>(new UnboundedChannelOptions { SingleReader = true });
                    var consumer = await QueueConsumer.StartAsync(settings, inbox.Writer, $"healthgrid {Environment.MachineName} {settings.Id} {i + 1}", CancellationToken.None);
                    started.Add(new ConsumerPipeline(consumer, inbox));
                }

                running[settings.Id] = ([.. started], Describe(settings));
                failing.Remove(settings.Id);
                LogConsuming(settings.Id, settings.Queue, settings.Consumers, settings.Prefetch);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                foreach (var pipeline in started)
                {
                    await pipeline.CloseAsync();
                }

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
                metrics.Lag(id, await current.Pipelines[0].Consumer.WaitingAsync());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogLagFailed(ex, id);
            }
        }
    }

    private async Task CloseAsync(string id)
    {
        var (pipelines, _) = running[id];
        running.Remove(id);
        metrics.Forget(id);
        foreach (var pipeline in pipelines)
        {
            await pipeline.CloseAsync();
        }
    }

    /// <summary>A connector's settings as compared between versions of the area: any change reopens its consumer.</summary>
    private static string Describe(RabbitMqConnectorSettings settings) => JsonSerializer.Serialize(settings);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Consuming queue '{Queue}' for connector '{Connector}' with {Consumers} consumers, each with a prefetch of {Prefetch}")]
    private partial void LogConsuming(string connector, string queue, int consumers, int prefetch);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Connector '{Connector}' cannot consume queue '{Queue}'; retrying every few seconds")]
    private partial void LogConnectFailed(Exception exception, string connector, string queue);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "{Count} messages of connector '{Connector}' could not be made durable; consumption paused, retrying in {Seconds} s")]
    private partial void LogPaused(int count, string connector, double seconds);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "Messages of connector '{Connector}' are durable again; consumption resumed")]
    private partial void LogResumed(string connector);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Debug, Message = "The lag of connector '{Connector}' could not be sampled")]
    private partial void LogLagFailed(Exception exception, string connector);
}
