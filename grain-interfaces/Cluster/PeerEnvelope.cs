using HealthGrid.Domain.Configuration;
using HealthGrid.GrainInterfaces.Live;

namespace HealthGrid.GrainInterfaces.Cluster;

/// <summary>
/// What one silo sends another in one call: configuration versions to put in force and live changes
/// for dashboards, numbered per sender and receiver. A receiver that finds a number missing knows it
/// missed something and has its dashboards read their state again; one it has seen is a retry.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.PeerEnvelope")]
public sealed record PeerEnvelope
{
    [Id(0)] public required SiloAddress Sender { get; init; }

    [Id(1)] public required long Seq { get; init; }

    [Id(2)] public ConfigurationVersion[] Configuration { get; init; } = [];

    [Id(3)] public LiveChanges? Live { get; init; }
}
