using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HealthGrid.Silo.Health;

/// <summary>Ready while the silo is active in its cluster: set when the silo lifecycle reaches Active, cleared when it leaves.</summary>
public sealed class SiloReadiness : IHealthCheck, ILifecycleParticipant<ISiloLifecycle>
{
    private volatile bool active;

    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(nameof(SiloReadiness), ServiceLifecycleStage.Active,
        _ =>
        {
            active = true;
            return Task.CompletedTask;
        },
        _ =>
        {
            active = false;
            return Task.CompletedTask;
        });

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(active ? HealthCheckResult.Healthy("The silo is active.") : HealthCheckResult.Unhealthy("The silo is not active."));
}
