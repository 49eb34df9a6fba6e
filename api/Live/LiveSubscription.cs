using HealthGrid.GrainInterfaces.Live;
using HealthGrid.Hosting.Background;
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
    ILogger<LiveSubscription> logger) : PeriodicLoop(time, logger)
{
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(2);
    private readonly string name = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private ILiveSubscriber? reference;
    private bool failed;

    public override LoopStage Stage => LoopStage.Active;

    protected override TimeSpan Interval => failed ? RetryAfterFailure : RenewEvery;

    protected override bool RunsAtStart => true;

    protected override async Task RunOnceAsync()
    {
        reference ??= grains.CreateObjectReference<ILiveSubscriber>(subscriber);
        try
        {
            await grains.GetGrain<ILiveSubscribersGrain>(ILiveSubscribersGrain.GlobalKey).RenewAsync(name, reference);
            failed = false;
        }
        catch (Exception ex)
        {
            LogRenewFailed(ex);
            failed = true;
        }
    }

    /// <summary>Stopping: the lease runs out on its own; the reference goes now.</summary>
    protected override Task FinalPassAsync()
    {
        if (reference is not null)
        {
            grains.DeleteObjectReference<ILiveSubscriber>(reference);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Registering this server for live alerts failed; retrying")]
    private partial void LogRenewFailed(Exception exception);
}
