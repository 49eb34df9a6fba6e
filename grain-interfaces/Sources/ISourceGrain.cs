using HealthGrid.Domain.Sources;
using HealthGrid.GrainInterfaces.Alerts;

namespace HealthGrid.GrainInterfaces.Sources;

/// <summary>One source of events, keyed by its id (<c>zendesk:eu</c>): what every silo saw of it, its freshness, and its stale alert.</summary>
[Alias("HealthGrid.ISourceGrain")]
public interface ISourceGrain : IAlertOwner
{
    /// <summary>A silo's events from the source since its last report; re-checks freshness.</summary>
    [Alias("Report")]
    Task ReportAsync(SourceReport report);

    /// <summary>Re-checks freshness now: raises the stale alert, or resolves it when the source recovered.</summary>
    [Alias("Check")]
    Task<SourceView> CheckAsync();

    [Alias("Get")]
    Task<SourceView> GetAsync();
}
