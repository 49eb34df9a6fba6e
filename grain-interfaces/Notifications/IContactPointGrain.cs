using HealthGrid.Domain.Notifications;
using HealthGrid.GrainInterfaces.Alerts;
using HealthGrid.GrainInterfaces.Configuration;

namespace HealthGrid.GrainInterfaces.Notifications;

/// <summary>A notification contact point, keyed by its configured id: owns its operational alerts.</summary>
[Alias("HealthGrid.IContactPointGrain")]
public interface IContactPointGrain : IAlertOwner, IConfigurationDependent
{
    /// <summary>The point was just disabled for <paramref name="reason"/>: raises the operators' alert, unless one is open.</summary>
    [Alias("Disabled")]
    Task DisabledAsync(ChannelKind channel, string reason);
}
