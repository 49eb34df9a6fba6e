using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Alerts;

/// <summary>
/// One per silo. Grains hand it alert changes without waiting; a single loop sends whatever has
/// queued up as one batch to every silo's live-push endpoint (so a dashboard on any silo sees alerts
/// raised on any other). Batching is by backlog, not by a timer: an alert on a quiet silo goes out
/// at once. The endpoints are read from the registry every few seconds, never per alert.
/// </summary>
public sealed partial class AlertBroadcaster : IAsyncDisposable
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);
    private readonly Channel<Alert> queue = Channel.CreateUnbounded<Alert>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IGrainFactory grains;
    private readonly AlertMetrics metrics;
    private readonly TimeProvider time;
    private readonly ILogger<AlertBroadcaster> logger;
    private readonly Task loop;
    private IAlertSubscriber[] subscribers = [];
    private DateTimeOffset refreshedAt = DateTimeOffset.MinValue;

    public AlertBroadcaster(IGrainFactory grains, AlertMetrics metrics, TimeProvider time, ILogger<AlertBroadcaster> logger)
    {
        this.grains = grains;
        this.metrics = metrics;
        this.time = time;
        this.logger = logger;
        loop = Task.Run(SendLoopAsync);
    }

    public void Publish(Alert alert)
    {
        if (alert.RaisedAt == alert.UpdatedAt && alert.State == AlertState.Raised)
        {
            metrics.Raised(alert);
        }

        queue.Writer.TryWrite(alert);
    }

    /// <summary>Forget the cached endpoints, e.g. when a new one registers.</summary>
    public void Refresh() => refreshedAt = DateTimeOffset.MinValue;

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
    }

    private async Task SendLoopAsync()
    {
        var batch = new List<Alert>();
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < 500 && queue.Reader.TryRead(out var alert))
            {
                batch.Add(alert);
            }

            try
            {
                await SendAsync([.. batch]);
            }
            catch (Exception ex)
            {
                LogSendFailed(ex, batch.Count);
            }

            batch.Clear();
        }
    }

    private async Task SendAsync(Alert[] alerts)
    {
        if (time.GetUtcNow() - refreshedAt > RefreshEvery || subscribers.Length == 0)
        {
            subscribers = await grains.GetGrain<IAlertSubscribersGrain>(IAlertSubscribersGrain.GlobalKey).CurrentAsync();
            refreshedAt = time.GetUtcNow();
        }

        foreach (var subscriber in subscribers)
        {
            // One-way: a slow or gone silo costs nothing here; the registry drops it when its lease ends.
            _ = subscriber.OnAlertsAsync(alerts);
        }

        metrics.Pushed(alerts.Length * subscribers.Length);
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Pushing {Count} alert changes failed; they are kept in the alert list")]
    private partial void LogSendFailed(Exception exception, int count);
}
