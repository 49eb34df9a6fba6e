using HealthGrid.GrainInterfaces.Live;
using HealthGrid.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.TestingHost;

namespace HealthGrid.Tests.Grains;

/// <summary>An in-process Orleans cluster with HealthGrid's grain services, in-memory storage and fast flush intervals.</summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>What the cluster fan-out delivered to the silo's live receivers.</summary>
    public LiveRecorder Live { get; } = new();

    /// <summary>One of the silo's services (its loops, to run a pass now and await it).</summary>
    public T Service<T>()
        where T : notnull => Cluster.Silos[0].ServiceProvider.GetRequiredService<T>();

    public async Task InitializeAsync() => Cluster = await StartAsync(host => host.Services.AddSingleton<ILiveSubscriber>(Live));

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>A one-silo cluster as the silo registers it; <paramref name="host"/> adds to the host before HealthGrid's services.</summary>
    public static async Task<InProcessTestCluster> StartAsync(Action<IHostApplicationBuilder>? host = null)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, silo) =>
        {
            silo.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "healthgrid.json"));
            silo.Configuration["HealthGrid:Projections:FlushInterval"] = "00:00:00.020";
            silo.Configuration["HealthGrid:Activity:FlushInterval"] = "00:00:00.050";
            host?.Invoke(silo);
            silo.Services.AddHealthGridGrains();
            silo.Services.AddInMemoryEventStore();
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseInMemoryReminderService();
            silo.UseSystemTextJsonGrainStorageSerializer();
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}

[CollectionDefinition(Name)]
public sealed class GrainClusterCollection : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "grain cluster";
}
