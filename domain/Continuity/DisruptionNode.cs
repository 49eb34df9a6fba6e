using HealthGrid.Domain.Customers;

namespace HealthGrid.Domain.Continuity;

/// <summary>Something customers depend on: a process, site, supplier or journey stage.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.DisruptionNode")]
public sealed record DisruptionNode([property: Id(0)] DependencyType Type, [property: Id(1)] string Id)
{
    public bool Matches(Dependency dependency) => dependency.Type == Type && string.Equals(dependency.Id, Id, StringComparison.Ordinal);
}
