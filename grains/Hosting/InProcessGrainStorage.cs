using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Storage;

namespace HealthGrid.Grains.Hosting;

/// <summary>
/// Embedded mode's grain storage: it keeps each grain's state object itself, not a serialized copy.
/// Embedded mode has no durability to offer, so what storage is for here is a grain that deactivates
/// and later activates again in the same process; a copy per grain (Orleans' memory storage holds one,
/// as JSON with our serializer) would double the memory of a million active customers for nothing.
/// Once a grain has written, the stored object is its live state: a later activation continues from
/// wherever the previous one stopped, which in one process is what a final snapshot would give.
/// ETags are still checked, so a second writer is refused as any storage would refuse it.
/// </summary>
public sealed class InProcessGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), Entry> entries = new();
    private long nextETag;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (entries.TryGetValue((stateName, grainId), out var entry))
        {
            grainState.State = (T)entry.State;
            grainState.ETag = entry.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        var written = new Entry(grainState.State!, NewETag());
        var stored = grainState.ETag is { } expected
            ? entries.TryGetValue(key, out var current) && current.ETag == expected && entries.TryUpdate(key, written, current)
            : entries.TryAdd(key, written);
        if (!stored)
        {
            throw new InconsistentStateException($"The state of {grainId} was written by another activation.", entries.GetValueOrDefault(key)?.ETag, grainState.ETag);
        }

        grainState.ETag = written.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        entries.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private string NewETag() => Interlocked.Increment(ref nextETag).ToString(CultureInfo.InvariantCulture);

    private sealed record Entry(object State, string ETag);
}
