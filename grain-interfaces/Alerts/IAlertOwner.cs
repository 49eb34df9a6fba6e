using HealthGrid.Domain.Alerts;

namespace HealthGrid.GrainInterfaces.Alerts;

/// <summary>A grain that raises alerts and decides their lifecycle; acknowledging or resolving goes to it.</summary>
[Alias("HealthGrid.IAlertOwner")]
public interface IAlertOwner : IGrainWithStringKey
{
    [Alias("ActOnAlert")]
    Task<AlertActionResult> ActOnAlertAsync(string alertId, AlertState to, string by);
}
