using HealthGrid.GrainInterfaces.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace HealthGrid.Tests.Grains;

/// <summary>
/// An in-process cluster whose grains (and their timers) run on a fake clock the test advances; the
/// silo's own maintenance stays on real time, so advancing the clock only moves what HealthGrid times.
/// </summary>
public sealed class FakeTimeClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>What the cluster fan-out delivered to the silo's live receivers.</summary>
    public LiveRecorder Live { get; } = new();

    public IGrainFactory Grains => Cluster.Client;

    public T Service<T>()
        where T : notnull => Cluster.Silos[0].ServiceProvider.GetRequiredService<T>();

    public async Task InitializeAsync() => Cluster = await GrainClusterFixture.StartAsync(host =>
    {
        host.Services.AddSingleton<TimeProvider>(Clock);
        host.Services.AddSingleton<ILiveSubscriber>(Live);
        host.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
    });

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class FakeTimeClusterCollection : ICollectionFixture<FakeTimeClusterFixture>
{
    public const string Name = "fake-time cluster";
}
