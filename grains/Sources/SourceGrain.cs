using HealthGrid.Domain.Connectors;
using HealthGrid.Domain.Sources;
using HealthGrid.GrainInterfaces.Sources;
using HealthGrid.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace HealthGrid.Grains.Sources;

/// <summary>
/// A source of events: the reports of every silo accumulated, and its freshness checked against what the
/// <c>connectors</c> area expects of it — a stale source raises one alert per episode to the operators and
/// leadership, resolved by HealthGrid when the source delivers again (or is no longer expected).
/// Saved at once when its alert moves; its counters are saved periodically.
/// </summary>
public sealed class SourceGrain(
    [PersistentState("source", StorageNames.Organisation)] IPersistentState<SourceState> state,
    OrganisationServices services,
    IOptionsMonitor<ConnectorOptions> connectors) : OrganisationGrain<SourceState>(state, services), ISourceGrain
{
    private SourceExpectation? Expectation => connectors.CurrentValue.Sources.FirstOrDefault(s => s.Id == Id);

    public async Task ReportAsync(SourceReport report)
    {
        SourceFreshness.Add(State, report, Services.Time.GetUtcNow());
        Changed();
        await CheckAsync();
    }

    public async Task<SourceView> CheckAsync()
    {
        var now = Services.Time.GetUtcNow();
        var expectation = Expectation;
        if (expectation is not null && State.ExpectedSince is null)
        {
            State.ExpectedSince = now;
            Changed();
        }

        var reason = SourceFreshness.StaleReason(State, expectation, now);
        var open = Alerts.Open.ToList();
        if (reason is not null && open.Count == 0)
        {
            State.Episodes++;
            Alerts.Put(SourceFreshness.Alert(SourceFreshness.AlertId(Id, State.Episodes), Id, expectation!.Label, reason, now));
            await SaveNowAsync();
        }
        else if (reason is null && open.Count > 0)
        {
            open.ForEach(a => Alerts.Clear(a.Id));
            await SaveNowAsync();
        }

        return SourceFreshness.View(Id, State, expectation, now);
    }

    public Task<SourceView> GetAsync() => Task.FromResult(SourceFreshness.View(Id, State, Expectation, Services.Time.GetUtcNow()));
}
