namespace HealthGrid.Domain.Sla;

/// <summary>One level of an escalation chain: who is alerted, and how long they have to acknowledge before the next level.</summary>
public sealed class EscalationLevelSettings
{
    /// <summary>assignee, team, process_owner, account or leadership.</summary>
    public string Notify { get; set; } = "team";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(15);
}
