namespace HealthGrid.GrainInterfaces.Customers;

/// <summary>What a customer grain erased: whether the customer existed, and how many live conversations it ended.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.CustomerErased")]
public sealed record CustomerErased([property: Id(0)] bool Existed, [property: Id(1)] int Conversations);
