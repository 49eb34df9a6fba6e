using HealthGrid.GrainInterfaces.Live;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Api.Live;

/// <summary>
/// Keeps this server's <see cref="SignalRLiveSubscriber"/> registered with the cluster: an observer
/// reference renewed well within its lease, so a server that dies drops out on its own.
/// </summary>
public sealed partial class LiveSubscription(
    IGrainFactory grains,
    SignalRLiveSubscriber subscriber,
    TimeProvider time,
    ILogger<LiveSubscription> logger) : BackgroundService
{
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(2);
    private readonly string name = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reference = grains.CreateObjectReference<ILiveSubscriber>(subscriber);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = RenewEvery;
                try
                {
                    await grains.GetGrain<ILiveSubscribersGrain>(ILiveSubscribersGrain.GlobalKey).RenewAsync(name, reference);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRenewFailed(ex);
                    wait = RetryAfterFailure;
                }

                await Task.Delay(wait, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the lease runs out on its own.
        }
        finally
        {
            grains.DeleteObjectReference<ILiveSubscriber>(reference);
        }
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Registering this server for live alerts failed; retrying")]
    private partial void LogRenewFailed(Exception exception);
}
