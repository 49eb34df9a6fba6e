using HealthGrid.Domain.Customers;

namespace HealthGrid.Storage.Projections;

/// <summary>A customer's dependencies as of a profile version: its rows in the index from each dependency node to its customers.</summary>
public sealed record CustomerDependencies(string CustomerId, long ProfileVersion, Dependency[] Dependencies);
