namespace HealthGrid.Domain.Sla;

/// <summary>Which cases a policy applies to; an empty list matches anything.</summary>
public sealed class SlaMatchSettings
{
    public List<string> Tiers { get; set; } = [];

    public List<string> Severities { get; set; } = [];

    /// <summary>Ticket categories or complaint codes.</summary>
    public List<string> Categories { get; set; } = [];

    public List<string> Channels { get; set; } = [];
}
