using HealthGrid.Domain.Sla;
using Microsoft.Extensions.Options;

namespace HealthGrid.Grains.Sla;

/// <summary>The SLA policies for the configuration in force; rebuilt when it changes, with a hook for open cases.</summary>
public sealed class CurrentSlaPolicies : IDisposable
{
    private readonly IDisposable? subscription;
    private volatile SlaPolicies policies;

    public CurrentSlaPolicies(IOptionsMonitor<SlaOptions> options)
    {
        policies = new SlaPolicies(options.CurrentValue);
        subscription = options.OnChange(changed =>
        {
            policies = new SlaPolicies(changed);
            Changed?.Invoke();
        });
    }

    /// <summary>Raised after the policies changed.</summary>
    public event Action? Changed;

    public SlaPolicies Policies => policies;

    public void Dispose() => subscription?.Dispose();
}
