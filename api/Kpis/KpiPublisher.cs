using HealthGrid.Api.Live;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Kpis;
using HealthGrid.GrainInterfaces.Projections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Api.Kpis;

/// <summary>
/// Pushes the leadership KPIs to the executives and admins connected to this server every few
/// seconds, and only while one is connected: the server pushes, the page never polls. Seeds the
/// escalation counter from the stored alerts at start.
/// </summary>
public sealed partial class KpiPublisher(
    KpiCalculator calculator,
    EscalationCounter escalations,
    LiveRecipients recipients,
    IHubContext<DashboardHub, IDashboardClient> hub,
    IGrainFactory grains,
    TimeProvider time,
    ILogger<KpiPublisher> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seeded = false;
        try
        {
            using var timer = new PeriodicTimer(Every, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
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
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogPushFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "Computing or pushing the leadership KPIs failed; retrying at the next tick")]
    private partial void LogPushFailed(Exception exception);
}
