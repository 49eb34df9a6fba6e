using HealthGrid.Hosting.Background;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Grains.Identity;

/// <summary>
/// Every minute, applies parked events whose identifiers have been mapped since they were parked: a
/// mapping applies its events at once, and this pass catches what that missed (a silo that stopped in
/// the middle, a mapping removed and written again, a customer that refused an event and now takes it).
/// </summary>
public sealed class ParkedEventsLoop(ParkedEvents parked, TimeProvider time, ILogger<ParkedEventsLoop> logger) : PeriodicLoop(time, logger)
{
    public override LoopStage Stage => LoopStage.Active;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override Task FinalPassAsync() => Task.CompletedTask;

    protected override Task RunOnceAsync() => parked.ApplyAsync(null);
}
