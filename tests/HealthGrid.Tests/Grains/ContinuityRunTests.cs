using System.Diagnostics.Metrics;
using System.Text.Json;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Projections;
using HealthGrid.GrainInterfaces.Continuity;
using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.GrainInterfaces.Projections;
using HealthGrid.Grains.Hosting;
using HealthGrid.Grains.Projections;
using HealthGrid.Hosting.Telemetry;
using HealthGrid.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace HealthGrid.Tests.Grains;

/// <summary>
/// Runs over the in-process cluster: the right customers, breach times and revenue come out, and every
/// affected customer's live state is byte for byte what it was, with no HealthGrid metric recorded.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class ContinuityRunTests(GrainClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private IServiceProvider Silo => fixture.Cluster.Silos[0].ServiceProvider;

    [Fact]
    public async Task A_run_projects_the_dependent_customers_and_leaves_the_live_state_exactly_as_it_was()
    {
        var account = await Ids.AccountAsync(Grains);
        var node = TestOrganisation.NewId("site");
        var critical = await CustomerAsync(account, node, recoveryHours: 2, revenue: 500_000, Criticality.Critical);
        var tolerant = await CustomerAsync(account, node, recoveryHours: 48, revenue: 20_000, Criticality.Medium);
        var elsewhere = await CustomerAsync(account, TestOrganisation.NewId("site"), recoveryHours: 1, revenue: 1_000, Criticality.Critical);
        var busy = await CustomerAsync(account, node, recoveryHours: 6, revenue: 80_000, Criticality.High, billing: true);

        // Live state worth protecting: an open billing case with running clocks, an alert, scores moved.
        await Grains.GetGrain<ICustomerGrain>(busy).RecordInteractionsAsync([Ids.Event(busy, InteractionKind.Complaint), Ids.Event(busy, InteractionKind.Message)]);
        await Grains.GetGrain<ICustomerGrain>(critical).RecordInteractionsAsync([Ids.Event(critical, InteractionKind.Survey)]);
        string[] affected = [critical, tolerant, busy];

        // What those events publish reaches the directory first, so that the comparison sees only the run.
        await Silo.GetRequiredService<ProjectionPublisher>().FlushAsync();
        var before = await SnapshotAsync(account, [.. affected, elsewhere]);

        using var measurements = new HealthGridMeasurements(Silo.GetRequiredService<IMeterFactory>());
        var scenario = Scenario(new DisruptionNode(DependencyType.Site, node), new DisruptionNode(DependencyType.Process, "billing"));
        var run = await RunAsync(scenario);

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.True(run.Candidates >= 3);
        var rows = (await Grains.GetGrain<IContinuityGrain>(0).GetRunCustomersAsync(run.Id, 0, 500))!.Items.Where(r => affected.Contains(r.Impact.CustomerId)).ToList();
        Assert.Equal([critical, busy, tolerant], rows.Select(r => r.Impact.CustomerId));
        Assert.Equal([2.0, 6.0], rows.Take(2).Select(r => r.Impact.BreachAfterHours!.Value));
        Assert.Null(rows[2].Impact.BreachAfterHours);
        Assert.Equal([500_000m, 80_000m], rows.Take(2).Select(r => r.Impact.RevenueAtRisk));
        Assert.Contains(rows[1].Impact.SlaBreaches, b => b.Process == "billing" && !b.CausedByDisruption);
        Assert.Equal("am-test", rows[0].AccountManager);

        // Nothing moved: the grain states, the views, the open alerts; and nothing was counted.
        Assert.Equal(before, await SnapshotAsync(account, [.. affected, elsewhere]));
        Assert.Empty(measurements.Recorded);
    }

    [Fact]
    public async Task Runs_are_listed_per_scenario_and_a_scenario_with_no_dependents_completes_empty()
    {
        var scenario = Scenario(new DisruptionNode(DependencyType.Supplier, TestOrganisation.NewId("nobody")));
        await Grains.GetGrain<IContinuityGrain>(0).SaveScenarioAsync(scenario);
        var run = await RunAsync(scenario);

        Assert.Equal((0, 0, RunStatus.Completed), (run.Candidates, run.AffectedCustomers, run.Status));
        Assert.Equal([run.Id], (await Grains.GetGrain<IContinuityGrain>(0).ListRunsAsync(scenario.Id)).Select(r => r.Id));
        Assert.True(await Grains.GetGrain<IContinuityGrain>(0).DeleteScenarioAsync(scenario.Id));
        Assert.Null(await Grains.GetGrain<IContinuityGrain>(0).GetRunAsync(run.Id));
    }

    private async Task<ContinuityRun> RunAsync(ContinuityScenario scenario)
    {
        await Grains.GetGrain<IContinuityGrain>(0).SaveScenarioAsync(scenario);
        var started = await Grains.GetGrain<IContinuityRunGrain>(TestOrganisation.NewId("run")).StartAsync(scenario, DateTimeOffset.UtcNow, "planner");
        // The run's end is pushed after its result is stored.
        await fixture.Live.UntilAsync(l => l.Run(started.Id).Any(r => r.Status != RunStatus.Running), $"the end of run {started.Id}");
        return (await Grains.GetGrain<IContinuityGrain>(0).GetRunAsync(started.Id))!;
    }

    private async Task<string> CustomerAsync(string account, string site, double recoveryHours, decimal revenue, Criticality criticality, bool billing = false)
    {
        var id = TestOrganisation.NewId("cust");
        Dependency[] dependencies = billing
            ? [new(DependencyType.Site, site, recoveryHours), new(DependencyType.Process, "billing", recoveryHours + 10)]
            : [new(DependencyType.Site, site, recoveryHours)];
        var result = await Grains.GetGrain<ICustomerGrain>(id).UpsertProfileAsync(Ids.Customer(id, account, revenue) with { Criticality = criticality, Dependencies = dependencies });
        Assert.True(result.Created);
        return id;
    }

    private static ContinuityScenario Scenario(params DisruptionNode[] nodes) => new()
    {
        Id = TestOrganisation.NewId("scn"),
        Name = "Site down",
        Disruptions = [new ScenarioDisruption { Nodes = nodes, DurationHours = 12, Mode = DisruptionMode.Outage }],
        CreatedBy = "planner",
        CreatedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>
    /// Each customer's live grain state as bytes (embedded storage holds the live object itself: scores,
    /// cases with their clocks, open alerts, conversations), its score history and its directory row.
    /// </summary>
    private async Task<List<string>> SnapshotAsync(string account, string[] customers)
    {
        var storage = Silo.GetRequiredKeyedService<IGrainStorage>(StorageNames.Customers);
        var serializer = Silo.GetRequiredService<Serializer>();
        var snapshot = new List<string>();
        foreach (var id in customers)
        {
            var state = new GrainState<CustomerState>(new CustomerState());
            await storage.ReadStateAsync("customer", GrainId.Create("customer", id), state);
            var history = await Grains.GetGrain<ICustomerGrain>(id).GetScoreHistoryAsync(null, 100);
            var row = (await Grains.GetGrain<IDirectoryGrain>(0).QueryCustomersAsync(new CustomerQuery { Offset = 0, Limit = 500, AccountId = account })).Items.Single(c => c.Id == id);
            snapshot.Add($"{id} state: {Convert.ToBase64String(serializer.SerializeToArray(state.State))}");
            snapshot.Add($"{id} history: {JsonSerializer.Serialize(history)}");
            snapshot.Add($"{id} directory: {JsonSerializer.Serialize(row)}");
        }

        return snapshot;
    }

    /// <summary>Every measurement the silo's own HealthGrid instruments record (other silos in this process have their own meters).</summary>
    private sealed class HealthGridMeasurements : IDisposable
    {
        private readonly MeterListener listener = new();

        public HealthGridMeasurements(IMeterFactory silo)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == HealthGridTelemetry.MeterName && ReferenceEquals(instrument.Meter.Scope, silo))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((instrument, _, _, _) => Note(instrument));
            listener.SetMeasurementEventCallback<double>((instrument, _, _, _) => Note(instrument));
            listener.Start();
        }

        public List<string> Recorded { get; } = [];

        public void Dispose() => listener.Dispose();

        private void Note(Instrument instrument)
        {
            lock (Recorded)
            {
                Recorded.Add(instrument.Name);
            }
        }
    }
}
