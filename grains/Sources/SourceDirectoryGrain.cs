using HealthGrid.GrainInterfaces.Sources;
using HealthGrid.Grains.Hosting;

namespace HealthGrid.Grains.Sources;

/// <summary>The ids of every source the cluster received events from; silos add a source once, when they first meet it.</summary>
public sealed class SourceDirectoryGrain(
    [PersistentState("source-directory", StorageNames.Organisation)] IPersistentState<SourceDirectoryState> state) : Grain, ISourceDirectoryGrain
{
    public async Task AddAsync(string[] sources)
    {
        var added = sources.Count(state.State.Sources.Add);
        if (added > 0)
        {
            await state.WriteStateAsync();
        }
    }

    public Task<string[]> ListAsync() => Task.FromResult(state.State.Sources.Order(StringComparer.Ordinal).ToArray());
}
