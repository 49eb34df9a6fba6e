namespace HealthGrid.Domain.Accounts;

/// <summary>An account's roll-up after its customers moved, pushed to those who see the account.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.AccountUpdate")]
public sealed record AccountUpdate(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] AccountRollup Rollup);
