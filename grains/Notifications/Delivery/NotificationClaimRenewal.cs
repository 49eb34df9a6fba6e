using HealthGrid.Domain.Notifications;
using HealthGrid.Hosting.Background;
using HealthGrid.Storage.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGrid.Grains.Notifications.Delivery;

/// <summary>Extends the leases of this silo's claimed notifications while it is still working on them.</summary>
public sealed class NotificationClaimRenewal(
    INotificationStore store,
    NotificationClaims claims,
    IOptionsMonitor<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationClaimRenewal> logger) : PeriodicLoop(time, logger)
{
    public override LoopStage Stage => LoopStage.Active;

    protected override TimeSpan Interval => NotificationClaims.RenewalInterval(options.CurrentValue);

    protected override async Task RunOnceAsync()
    {
        var held = claims.Held;
        if (held.Count == 0)
        {
            return;
        }

        // A failed pass is logged by the loop and the next comes well before the lease ends; if none does, another silo sends them, with the same ids.
        await store.RenewAsync(held, Time.GetUtcNow() + NotificationClaims.Lease(options.CurrentValue), CancellationToken.None);
    }

    /// <summary>Nothing to hand over: a stopping silo's claims run out by themselves.</summary>
    protected override Task FinalPassAsync() => Task.CompletedTask;
}
