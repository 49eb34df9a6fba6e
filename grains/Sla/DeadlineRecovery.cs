using HealthGrid.Domain.Sla;
using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.Hosting.Background;
using HealthGrid.Storage.Projections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGrid.Grains.Sla;

/// <summary>
/// When a silo is declared dead, the customers it hosted are nowhere until something calls them: their
/// reminders would bring them back, but only at the next tick (up to a reminder period late, on top of
/// detection). Woken by the membership watch, this reads the customers whose next timer is due within
/// one reminder period (or overdue) from the store's timer index and activates them on the survivors,
/// where they fire what fell due at once. Every survivor does it: waking a customer that is already
/// active elsewhere costs one call, and a timer fires once because its event id is deterministic.
/// </summary>
public sealed partial class DeadlineRecovery(
    IProjectionStore store,
    IGrainFactory grains,
    IOptionsMonitor<SlaOptions> sla,
    TimeProvider time,
    ILogger<DeadlineRecovery> logger) : PeriodicLoop(time, logger)
{
    private const int MaxCustomers = 100_000;
    private const int Concurrency = 64;
    private const int Attempts = 5;

    /// <summary>
    /// Right after a death the grain directory may still point at the dead silo for a while (longer on
    /// a loaded machine); a call then fails fast and is tried again, 0.5, 1, 2 and 4 s later.
    /// </summary>
    private static readonly TimeSpan FirstRetryAfter = TimeSpan.FromMilliseconds(500);

    public override LoopStage Stage => LoopStage.Active;

    /// <summary>Only when woken.</summary>
    protected override TimeSpan Interval => Timeout.InfiniteTimeSpan;

    /// <summary>A silo left the cluster: wake its customers whose timers are near.</summary>
    public void AfterSiloLeft() => Wake();

    protected override async Task RunOnceAsync()
    {
        var until = Time.GetUtcNow() + sla.CurrentValue.ReminderPeriod;
        var customers = await store.GetCustomersWithTimersBeforeAsync(until, MaxCustomers, CancellationToken.None);
        if (customers.Length == 0)
        {
            return;
        }

        LogWaking(customers.Length, until);
        await Parallel.ForEachAsync(customers, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, (id, _) => WakeAsync(id));
    }

    private async ValueTask WakeAsync(string customerId)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await grains.GetGrain<ICustomerGrain>(customerId).WakeAsync();
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                if (attempt == Attempts)
                {
                    // Its reminder is the safety net.
                    LogWakeFailed(ex, customerId);
                    return;
                }
            }

            await Task.Delay(FirstRetryAfter * (1 << (attempt - 1)), Time);
        }
    }

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "A silo left the cluster: waking {Count} customers with timers due by {Until}")]
    private partial void LogWaking(int count, DateTimeOffset until);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Waking customer {CustomerId} after a failover failed five times over 7.5 s; its reminder will bring it back")]
    private partial void LogWakeFailed(Exception exception, string customerId);
}
