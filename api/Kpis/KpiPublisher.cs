using HealthGrid.Api.Live;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Kpis;
using HealthGrid.GrainInterfaces.Projections;
using HealthGrid.Hosting.Background;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Api.Kpis;

/// <summary>
/// Pushes the leadership KPIs to the executives and admins connected to this server every few
/// seconds, and only while one is connected: the server pushes, the page never polls. Seeds the
/// escalation counter from the stored alerts on its first pass.
/// </summary>
public sealed class KpiPublisher(
    KpiCalculator calculator,
    EscalationCounter escalations,
    LiveRecipients recipients,
    IHubContext<DashboardHub, IDashboardClient> hub,
    IGrainFactory grains,
    TimeProvider time,
    ILogger<KpiPublisher> logger) : PeriodicLoop(time, logger)
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(5);
    private bool seeded;

    public override LoopStage Stage => LoopStage.Active;

    protected override TimeSpan Interval => Every;

    protected override async Task RunOnceAsync()
    {
        if (!seeded)
        {
            escalations.Count((await grains.GetGrain<IDirectoryGrain>(0).QueryAlertsAsync(new AlertQuery { Limit = 1_000 })).Items);
            seeded = true;
        }

        if (recipients.For([AlertGroups.Everything]) is { Count: > 0 } leaders)
        {
            await hub.Clients.Clients(leaders).KpisChanged(await calculator.ComputeAsync());
        }
    }

    /// <summary>Nobody is left to push to once the silo stops.</summary>
    protected override Task FinalPassAsync() => Task.CompletedTask;
}
