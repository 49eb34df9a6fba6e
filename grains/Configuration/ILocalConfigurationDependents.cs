namespace HealthGrid.Grains.Configuration;

/// <summary>
/// Live state on this silo that a new configuration version must reach before the silo reports the
/// version in force: the write answers only when every silo has re-evaluated what depends on it.
/// </summary>
public interface ILocalConfigurationDependents
{
    Task ReevaluateAsync(string area);
}
