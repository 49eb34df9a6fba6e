using HealthGrid.Domain.Customers;

namespace HealthGrid.Domain.Continuity;

/// <summary>A node customers depend on, with its configured name (processes and stages) and how many customers depend on it.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.DependencyNodeView")]
public sealed record DependencyNodeView(
    [property: Id(0)] DependencyType Type,
    [property: Id(1)] string Id,
    [property: Id(2)] string? Name,
    [property: Id(3)] int Customers);
