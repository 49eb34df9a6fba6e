namespace HealthGrid.Accounts;

/// <summary>An account grain's stored state: only the profile. Its customers are rebuilt from the directory on activation.</summary>
[GenerateSerializer, Alias("HealthGrid.AccountState")]
public sealed class AccountState
{
    [Id(0)] public AccountProfile? Profile { get; set; }
}
