using HealthGrid.Domain.Alerts;

namespace HealthGrid.Domain.Accounts;

/// <summary>
/// An account grain's stored state: the profile and its open alerts. Its customers are rebuilt from
/// the directory on activation.
/// </summary>
[GenerateSerializer, Alias("HealthGrid.AccountState")]
public sealed class AccountState : IOwnsAlerts
{
    [Id(0)] public AccountProfile? Profile { get; set; }

    /// <summary>The open concentration-risk alert, if any.</summary>
    [Id(1)] public Dictionary<string, Alert> Alerts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Numbers concentration-risk episodes, so a new episode is a new alert.</summary>
    [Id(2)] public int RiskEpisodes { get; set; }
}
