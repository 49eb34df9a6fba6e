using HealthGrid.Domain.Connectors;
using HealthGrid.GrainInterfaces.Sources;
using HealthGrid.Hosting.Background;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGrid.Api.Sources;

/// <summary>
/// Every 15 s (and once more when the silo stops): reports what this silo received from each source to the source's grain, registers sources
/// met for the first time, and checks every expected source's freshness (each silo checks: the grains
/// decide once, and a silo's pass keeps its <see cref="StaleSources"/> current for customer views). A
/// quiet source is found by these checks, so a source stale for its window is alarmed within 15 s.
/// </summary>
public sealed partial class SourceWatch(
    SourceTracker tracker, StaleSources stale, IGrainFactory grains, IOptionsMonitor<ConnectorOptions> connectors, TimeProvider time, ILogger<SourceWatch> logger)
    : PeriodicLoop(time, logger)
{
    private readonly HashSet<string> registered = new(StringComparer.Ordinal);
    private HashSet<string> staleNow = new(StringComparer.Ordinal);

    public override LoopStage Stage => LoopStage.Active;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(15);

    protected override async Task RunOnceAsync()
    {
        var reports = tracker.Drain();
        await Task.WhenAll(reports.Select(r => grains.GetGrain<ISourceGrain>(r.Key).ReportAsync(r.Value)));
        var met = reports.Keys.Where(k => !registered.Contains(k)).ToArray();
        if (met.Length > 0)
        {
            await grains.GetGrain<ISourceDirectoryGrain>(0).AddAsync(met);
            registered.UnionWith(met);
        }

        var expected = connectors.CurrentValue.Sources.Select(s => s.Id).Distinct(StringComparer.Ordinal).ToList();
        var views = await Task.WhenAll(expected.Select(id => grains.GetGrain<ISourceGrain>(id).CheckAsync()));
        stale.Update(views.ToDictionary(v => v.Id, StringComparer.Ordinal));
        var staleAfter = views.Where(v => v.Stale).Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var view in views.Where(v => v.Stale && !staleNow.Contains(v.Id)))
        {
            LogStale(view.Id, view.Reason!);
        }

        foreach (var recovered in staleNow.Where(id => !staleAfter.Contains(id)))
        {
            LogRecovered(recovered);
        }

        staleNow = staleAfter;
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Source {Source} is stale: {Reason}")]
    private partial void LogStale(string source, string reason);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "Source {Source} delivers again")]
    private partial void LogRecovered(string source);
}
