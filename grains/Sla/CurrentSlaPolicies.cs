using HealthGrid.Domain.Sla;
using Microsoft.Extensions.Options;

namespace HealthGrid.Grains.Sla;

/// <summary>The SLA policies for the configuration in force; rebuilt when it changes.</summary>
public sealed class CurrentSlaPolicies : IDisposable
{
    private readonly IDisposable? subscription;
    private volatile SlaPolicies policies;

    public CurrentSlaPolicies(IOptionsMonitor<SlaOptions> options)
    {
        policies = new SlaPolicies(options.CurrentValue);
        subscription = options.OnChange(changed => policies = new SlaPolicies(changed));
    }

    public SlaPolicies Policies => policies;

    public void Dispose() => subscription?.Dispose();
}
