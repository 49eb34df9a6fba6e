namespace HealthGrid.GrainInterfaces.Sources;

/// <summary>Every source the cluster has received events from (key 0): for listing them; told by each silo once per source it meets.</summary>
[Alias("HealthGrid.ISourceDirectoryGrain")]
public interface ISourceDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("Add")]
    Task AddAsync(string[] sources);

    [Alias("List")]
    Task<string[]> ListAsync();
}
