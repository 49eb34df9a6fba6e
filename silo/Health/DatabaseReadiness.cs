using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace HealthGrid.Silo.Health;

/// <summary>Ready while PostgreSQL answers; probes are cached for a second so a busy load balancer cannot flood the database.</summary>
public sealed class DatabaseReadiness(NpgsqlDataSource database, TimeProvider time) : IHealthCheck
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(1);
    private (DateTimeOffset At, HealthCheckResult Result)? last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (last is { } cached && time.GetUtcNow() - cached.At < CacheFor)
        {
            return cached.Result;
        }

        HealthCheckResult result;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await using var command = database.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            result = HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            result = HealthCheckResult.Unhealthy("PostgreSQL does not answer.", ex);
        }

        last = (time.GetUtcNow(), result);
        return result;
    }
}
