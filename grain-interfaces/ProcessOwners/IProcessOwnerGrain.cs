using HealthGrid.Domain.ProcessOwners;
using HealthGrid.GrainInterfaces.Alerts;
using HealthGrid.GrainInterfaces.Configuration;

namespace HealthGrid.GrainInterfaces.ProcessOwners;

/// <summary>A process owner keyed by the configured owner id.</summary>
[Alias("HealthGrid.IProcessOwnerGrain")]
public interface IProcessOwnerGrain : IAlertOwner, IConfigurationDependent
{
    [Alias("RecordThemes")]
    Task RecordThemesAsync(ThemeActivity activity);

    /// <summary>The live view; null when the id is not a configured owner.</summary>
    [Alias("GetView")]
    Task<ProcessOwnerView?> GetViewAsync();
}
