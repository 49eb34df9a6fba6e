using HealthGrid.Domain.Configuration;

namespace HealthGrid.GrainInterfaces.Configuration;

/// <summary>
/// A grain whose live state depends on configuration (customers, accounts, process owners, journey
/// stages): it says what a proposed change would do to it, changing nothing, and re-evaluates itself
/// when a change has come into force, so that the preview and the outcome are the same computation.
/// </summary>
[Alias("HealthGrid.IConfigurationDependent")]
public interface IConfigurationDependent : IAddressable
{
    [Alias("PreviewConfiguration")]
    Task<ConfigurationEffects> PreviewAsync(ConfigurationProposal proposal);

    /// <summary>A new version of <paramref name="area"/> is in force on this grain's silo: apply it to the live state now.</summary>
    [Alias("Reevaluate")]
    Task ReevaluateAsync(string area);
}
