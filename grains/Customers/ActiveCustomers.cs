using HealthGrid.Domain.Configuration;
using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.Grains.Configuration;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Grains.Customers;

/// <summary>
/// One per silo: the customers active here, and which of them have open cases. A configuration change
/// applies to them at once — new SLA policies to the open cases, a new health model to every score —
/// each told by one call, all awaited so that "in force" means applied; customers not active pick the
/// change up when they activate.
/// </summary>
public sealed partial class ActiveCustomers(IGrainFactory grains, ILogger<ActiveCustomers> logger) : ILocalConfigurationDependents
{
    /// <summary>Enough calls in flight to keep both cores busy without flooding the silo's queues.</summary>
    private const int Concurrency = 64;

    private readonly HashSet<string> active = new(StringComparer.Ordinal);
    private readonly HashSet<string> withOpenCases = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public void Activated(string customerId)
    {
        lock (gate)
        {
            active.Add(customerId);
        }
    }

    public void Deactivated(string customerId)
    {
        lock (gate)
        {
            active.Remove(customerId);
            withOpenCases.Remove(customerId);
        }
    }

    public void TrackOpenCases(string customerId, bool hasOpenCases)
    {
        lock (gate)
        {
            if (hasOpenCases)
            {
                withOpenCases.Add(customerId);
            }
            else
            {
                withOpenCases.Remove(customerId);
            }
        }
    }

    /// <summary>The active customers with open cases here (the preview asks every silo for them).</summary>
    public string[] WithOpenCases() => Snapshot(withOpenCases);

    public async Task ReevaluateAsync(string area)
    {
        var affected = area switch
        {
            ConfigurationAreaNames.Sla => Snapshot(withOpenCases),
            ConfigurationAreaNames.HealthModel => Snapshot(active),
            _ => [],
        };
        if (affected.Length == 0)
        {
            return;
        }

        LogReevaluating(area, affected.Length);
        await Parallel.ForEachAsync(affected, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (id, _) =>
        {
            try
            {
                await grains.GetGrain<ICustomerGrain>(id).ReevaluateAsync(area);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // One customer that cannot be reached (deactivating, its journal down) must not keep the
                // others on the old version; it re-reads the configuration when it next activates.
                LogReevaluateFailed(e, id, area);
            }
        });
    }

    private string[] Snapshot(HashSet<string> set)
    {
        lock (gate)
        {
            return [.. set];
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Configuration area {Area} changed: re-evaluating {Count} active customers")]
    private partial void LogReevaluating(string area, int count);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Customer {CustomerId} could not re-evaluate configuration area {Area}; it applies it when it next activates")]
    private partial void LogReevaluateFailed(Exception error, string customerId, string area);
}
