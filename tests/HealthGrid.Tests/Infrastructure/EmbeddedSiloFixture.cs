namespace HealthGrid.Tests.Infrastructure;

/// <summary>One embedded silo shared by a collection of API tests; each test uses its own ids.</summary>
public sealed class EmbeddedSiloFixture : IAsyncLifetime
{
    public InProcessSilo Silo { get; private set; } = null!;

    public async Task InitializeAsync() => Silo = await InProcessSilo.StartAsync();

    public async Task DisposeAsync() => await Silo.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class EmbeddedSiloCollection : ICollectionFixture<EmbeddedSiloFixture>
{
    public const string Name = "embedded silo";
}
