using HealthGrid.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace HealthGrid.Tests.Grains;

/// <summary>An in-process Orleans cluster with HealthGrid's grain services, in-memory storage and fast flush intervals.</summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "healthgrid.json"));
            host.Configuration["HealthGrid:Projections:FlushInterval"] = "00:00:00.020";
            host.Configuration["HealthGrid:Activity:FlushInterval"] = "00:00:00.050";
            host.Services.AddHealthGridGrains();
            host.Services.AddInMemoryEventStore();
        });
        builder.ConfigureSilo((_, silo) =>
        {
            foreach (var name in StorageNames.All)
            {
                silo.AddMemoryGrainStorage(name);
            }

            silo.UseInMemoryReminderService();
            silo.UseSystemTextJsonGrainStorageSerializer();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class GrainClusterCollection : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "grain cluster";
}
