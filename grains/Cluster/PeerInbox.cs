using HealthGrid.GrainInterfaces.Cluster;
using HealthGrid.GrainInterfaces.Live;
using HealthGrid.Grains.Configuration;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Grains.Cluster;

/// <summary>
/// What arrives from every silo (this one included): configuration versions are put in force first,
/// then live changes go to this silo's dashboards. Envelopes are numbered per sender; one seen before
/// is a retry and is only acknowledged; a number skipped means changes were lost on the way, and the
/// dashboards are told to read their state again rather than stay silently stale.
/// </summary>
public sealed partial class PeerInbox(IEnumerable<ILiveSubscriber> subscribers, ConfigurationSync configuration, ILogger<PeerInbox> logger)
{
    private readonly ILiveSubscriber[] subscribers = [.. subscribers];
    private readonly Lock gate = new();
    private readonly Dictionary<SiloAddress, long> received = [];

    public async Task DeliverAsync(PeerEnvelope envelope)
    {
        long last;
        lock (gate)
        {
            last = received.GetValueOrDefault(envelope.Sender);
            if (envelope.Seq <= last)
            {
                return;
            }

            received[envelope.Sender] = envelope.Seq;
        }

        if (envelope.Seq != last + 1)
        {
            LogGap(envelope.Sender, last, envelope.Seq);
            await ResyncAsync($"changes from {envelope.Sender} were lost on the way");
        }

        foreach (var version in envelope.Configuration)
        {
            await configuration.ApplyAsync(version);
        }

        if (envelope.Live is { IsEmpty: false } live)
        {
            // Handed over in order, not awaited: each dashboard connection sends in the order its
            // messages were issued, and a slow browser must not hold up the next envelope for everyone.
            foreach (var subscriber in subscribers)
            {
                Observe(subscriber.OnChangesAsync(live));
            }
        }
    }

    /// <summary>A silo left the cluster; when it died, what it had not sent yet is lost, so every dashboard here reads its state again.</summary>
    public Task SiloLeftAsync(SiloAddress silo, bool resync)
    {
        lock (gate)
        {
            received.Remove(silo);
        }

        return resync ? ResyncAsync($"server {silo} left the cluster") : Task.CompletedTask;
    }

    private void Observe(Task sending)
    {
        if (!sending.IsCompletedSuccessfully)
        {
            sending.ContinueWith(t => LogPushFailed(t.Exception!), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task ResyncAsync(string reason)
    {
        foreach (var subscriber in subscribers)
        {
            await subscriber.OnResyncAsync(reason);
        }
    }

    [LoggerMessage(EventId = 2306, Level = LogLevel.Warning, Message = "Pushing live changes to this silo's dashboards failed")]
    private partial void LogPushFailed(Exception error);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "Live changes from {Sender} were lost (envelope {Last} was followed by {Seq}); dashboards are told to read their state again")]
    private partial void LogGap(SiloAddress sender, long last, long seq);
}
