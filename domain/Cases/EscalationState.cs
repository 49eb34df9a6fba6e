namespace HealthGrid.Domain.Cases;

/// <summary>An escalation chain under way: <see cref="Step"/> counts the levels alerted so far, minus one.</summary>
[GenerateSerializer, Alias("HealthGrid.EscalationState")]
public sealed class EscalationState
{
    [Id(0)] public SlaMetric Metric { get; set; }

    [Id(1)] public int Cycle { get; set; }

    [Id(2)] public string AlertId { get; set; } = "";

    [Id(3)] public EscalationStatus Status { get; set; }

    [Id(4)] public int Step { get; set; }

    /// <summary>The breach's due time: every step's time is counted from it, so replays agree.</summary>
    [Id(5)] public DateTimeOffset StartedAt { get; set; }

    [Id(6)] public int StartLevel { get; set; }
}
