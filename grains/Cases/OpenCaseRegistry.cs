using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.Grains.Sla;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Grains.Cases;

/// <summary>
/// One per silo: the active customers with open cases here. When the SLA policies change, each is
/// told to re-apply them at once; customers not active pick the new policies up when they activate.
/// </summary>
public sealed partial class OpenCaseRegistry : IDisposable
{
    private readonly HashSet<string> customers = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly IGrainFactory grains;
    private readonly CurrentSlaPolicies policies;
    private readonly ILogger<OpenCaseRegistry> logger;

    public OpenCaseRegistry(IGrainFactory grains, CurrentSlaPolicies policies, ILogger<OpenCaseRegistry> logger)
    {
        this.grains = grains;
        this.policies = policies;
        this.logger = logger;
        policies.Changed += OnPoliciesChanged;
    }

    public void Track(string customerId, bool hasOpenCases)
    {
        lock (gate)
        {
            if (hasOpenCases)
            {
                customers.Add(customerId);
            }
            else
            {
                customers.Remove(customerId);
            }
        }
    }

    public void Dispose() => policies.Changed -= OnPoliciesChanged;

    private void OnPoliciesChanged()
    {
        string[] affected;
        lock (gate)
        {
            affected = [.. customers];
        }

        LogRefreshing(affected.Length);
        foreach (var id in affected)
        {
            _ = grains.GetGrain<ICustomerGrain>(id).RefreshSlaAsync();
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "SLA policies changed: re-applying them to the open cases of {Count} active customers")]
    private partial void LogRefreshing(int count);
}
