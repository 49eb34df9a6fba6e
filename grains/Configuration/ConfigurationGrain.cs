using HealthGrid.Domain.Configuration;
using HealthGrid.GrainInterfaces.Configuration;
using Orleans.Concurrency;

namespace HealthGrid.Grains.Configuration;

/// <summary>The API's way to <see cref="ConfigurationEditor"/>: local to the silo that took the request, the work off the grain's scheduler.</summary>
[StatelessWorker]
public sealed class ConfigurationGrain(ConfigurationEditor editor) : Grain, IConfigurationGrain
{
    public Task<ConfigurationVersion[]> ListAsync() => Task.FromResult(editor.List());

    public Task<ConfigurationVersion?> GetAsync(string area, long? version) => editor.GetAsync(area, version);

    public Task<ConfigurationVersion[]?> HistoryAsync(string area, long? before, int limit) => editor.HistoryAsync(area, before, limit);

    public Task<ConfigurationWriteResult> WriteAsync(ConfigurationChange change) => Task.Run(() => editor.WriteAsync(change));

    public Task<ConfigurationPreviewResult> PreviewAsync(string area, string document) => Task.Run(() => editor.PreviewAsync(area, document));
}
