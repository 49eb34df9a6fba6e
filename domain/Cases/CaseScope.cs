namespace HealthGrid.Domain.Cases;

/// <summary>
/// The cases a caller may see: those of their accounts, their teams or their process. A case is
/// visible when it matches any one of them.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.CaseScope")]
public sealed record CaseScope
{
    [Id(0)] public string[] Accounts { get; init; } = [];

    [Id(1)] public string[] Teams { get; init; } = [];

    [Id(2)] public string[] ProcessOwners { get; init; } = [];

    public bool Includes(CaseView @case) =>
        Accounts.Contains(@case.AccountId)
        || (@case.Team is { } team && Teams.Contains(team))
        || (@case.ProcessOwner is { } owner && ProcessOwners.Contains(owner));
}
