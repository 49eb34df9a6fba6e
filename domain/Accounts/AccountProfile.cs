namespace HealthGrid.Domain.Accounts;

/// <summary>A key account: the commercial relationship that groups customers, and its account manager.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.AccountProfile")]
public sealed record AccountProfile
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required string Name { get; init; }

    /// <summary>The account manager's user id; decides who sees the account (least privilege).</summary>
    [Id(2)] public required string AccountManager { get; init; }

    [Id(3)] public string? Segment { get; init; }

    [Id(4)] public string? Region { get; init; }
}
