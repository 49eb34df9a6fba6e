using HealthGrid.Domain.Notifications;
using HealthGrid.Hosting.Background;
using HealthGrid.Storage.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGrid.Grains.Notifications.Delivery;

/// <summary>
/// One per silo: claims the notifications that are due (woken by its own silo's flush at once, and
/// polling for other silos' every second), bundles storms into digests, renders and sends them, and
/// records each attempt. The store's leases (renewed while a claim is worked on) share the work between
/// silos and hand a dead silo's claims to the others; a pass at start-up sends what fell due while the silo was down.
/// </summary>
public sealed partial class NotificationWorker(
    INotificationStore store,
    IOptionsMonitor<NotificationOptions> options,
    NotificationSender sender,
    NotificationClaims claims,
    EndpointDisabler disabler,
    NotificationMetrics metrics,
    TimeProvider time,
    ILogger<NotificationWorker> logger) : PeriodicLoop(time, logger)
{
    /// <summary>How often a silo looks for notifications another silo decided.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private const int BatchSize = 1000;
    private const int Concurrency = 32;

    private readonly SemaphoreSlim slots = new(Concurrency);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Task, byte> inFlight = new();
    private TimeSpan interval = PollInterval;

    public override LoopStage Stage => LoopStage.Active;

    protected override bool RunsAtStart => true;

    protected override TimeSpan Interval => interval;

    /// <summary>The projection flush stored decisions: some may be due now.</summary>
    public void Decided() => Wake();

    protected override async Task RunOnceAsync()
    {
        while (true)
        {
            var settings = options.CurrentValue;
            var now = Time.GetUtcNow();
            var claimed = await store.ClaimDueAsync(now, NotificationClaims.Lease(settings), BatchSize, CancellationToken.None);
            if (claimed.Count > 0)
            {
                await DeliverAsync(claimed, settings, now);
            }

            if (claimed.Count < BatchSize)
            {
                break;
            }
        }

        var next = await store.NextDueAsync(CancellationToken.None);
        var wait = next is { } due ? due - Time.GetUtcNow() : PollInterval;
        interval = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > PollInterval ? PollInterval : wait;
    }

    /// <summary>A silo that is stopping leaves its claims to the lease: nothing is sent half-way through a shutdown.</summary>
    protected override Task FinalPassAsync() => Task.CompletedTask;

    private async Task DeliverAsync(IReadOnlyList<NotificationRecord> claimed, NotificationOptions settings, DateTimeOffset now)
    {
        var points = settings.ContactPoints.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var abandoned = claimed
            .Where(r => !points.TryGetValue(r.ContactPoint, out var point) || !point.Enabled)
            .Select(r => NotificationAttempts.Abandoned(r, points.ContainsKey(r.ContactPoint) ? $"contact point '{r.ContactPoint}' is disabled" : $"contact point '{r.ContactPoint}' no longer exists", now))
            .ToList();
        var usable = claimed.Where(r => points.TryGetValue(r.ContactPoint, out var point) && point.Enabled).ToList();
        var recent = settings.BundleWindow > TimeSpan.Zero
            ? await store.RecentSendsAsync([.. usable.Select(r => (r.Recipient, r.ContactPoint)).Distinct()], now - settings.BundleWindow, CancellationToken.None)
            : new Dictionary<(string, string), RecentSends>();
        var (send, held) = NotificationBundles.Plan(usable, recent, settings.BundleWindow, now);
        await CompleteAsync([.. abandoned, .. held], now);
        claims.Hold(send.SelectMany(m => m));

        foreach (var message in send)
        {
            // A message waits for a free slot, not for the rest of its batch: a slow e-mail does not hold back a webhook claimed with it.
            await slots.WaitAsync();
            var sending = SendAndCompleteAsync(message, points[message[0].ContactPoint], settings);
            inFlight.TryAdd(sending, 0);
            _ = sending.ContinueWith(done => inFlight.TryRemove(done, out _), TaskScheduler.Default);
        }
    }

    /// <summary>Completes when every message dispatched so far has been attempted and recorded (tests wait on it; a pass does not).</summary>
    public Task IdleAsync() => Task.WhenAll(inFlight.Keys);

    private async Task SendAndCompleteAsync(IReadOnlyList<NotificationRecord> message, ContactPointSettings point, NotificationOptions settings)
    {
        try
        {
            var outcome = await SendAsync(message, point, settings);
            var at = Time.GetUtcNow();
            var id = MessageId(message);
            await CompleteAsync([.. message.Select(r => NotificationAttempts.After(r, outcome, id, settings.Retries, at))], at);
            if (outcome.Result == DeliveryResult.Gone)
            {
                metrics.Disabled();
                await disabler.DisableAsync(point);
            }
            else if (outcome.Result == DeliveryResult.Transient)
            {
                // The retry just recorded may be due before the loop's next look at the store.
                Wake();
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Not recorded: no longer renewed, the lease runs out and the notification is claimed and sent again, with the same id.
            LogCompleteFailed(ex, point.Id);
        }
        finally
        {
            claims.Release(message);
            slots.Release();
        }
    }

    private async Task<DeliveryOutcome> SendAsync(IReadOnlyList<NotificationRecord> message, ContactPointSettings point, NotificationOptions settings)
    {
        try
        {
            return await sender.SendAsync(message, MessageId(message), point, settings);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogSendFailed(ex, point.Id);
            return new DeliveryOutcome { Result = DeliveryResult.Transient, Reason = $"could not send: {ex.GetType().Name}" };
        }
    }

    private async Task CompleteAsync(IReadOnlyList<NotificationRecord> records, DateTimeOffset now)
    {
        if (records.Count == 0)
        {
            return;
        }

        await store.CompleteAsync(records, CancellationToken.None);
        foreach (var record in records)
        {
            metrics.Completed(record, now);
        }
    }

    /// <summary>One notification's own id on every attempt; a digest's from the notifications it carries.</summary>
    private static string MessageId(IReadOnlyList<NotificationRecord> message) =>
        message.Count == 1 ? message[0].MessageId : NotificationIds.MessageId("digest|" + string.Join('|', message.Select(r => r.Id)));


    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "Recording an attempt to contact point {ContactPoint} failed; the notification is sent again when its claim runs out")]
    private partial void LogCompleteFailed(Exception exception, string contactPoint);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Sending a notification to contact point {ContactPoint} failed unexpectedly; it is retried")]
    private partial void LogSendFailed(Exception exception, string contactPoint);
}
