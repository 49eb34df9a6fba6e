using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Sla;

namespace HealthGrid.Domain.Cases;

/// <summary>A case as the customer grain keeps it; its clocks and escalations are the live part.</summary>
[GenerateSerializer, Alias("HealthGrid.CaseState")]
public sealed class CaseState
{
    public const int MaxHistory = 200;

    [Id(0)] public string Id { get; set; } = "";

    [Id(1)] public CaseOrigin Origin { get; set; }

    [Id(2)] public CaseStatus Status { get; set; }

    [Id(3)] public Severity Severity { get; set; }

    [Id(4)] public Channel Channel { get; set; }

    [Id(5)] public string? Category { get; set; }

    [Id(6)] public string? Assignee { get; set; }

    [Id(7)] public string? Team { get; set; }

    [Id(8)] public string? Process { get; set; }

    [Id(9)] public string? ProcessOwner { get; set; }

    [Id(10)] public string? JourneyStage { get; set; }

    [Id(11)] public string Policy { get; set; } = "";

    [Id(12)] public DateTimeOffset OpenedAt { get; set; }

    [Id(13)] public DateTimeOffset UpdatedAt { get; set; }

    [Id(14)] public DateTimeOffset? ResolvedAt { get; set; }

    [Id(15)] public long Version { get; set; }

    [Id(16)] public List<SlaClock> Clocks { get; set; } = [];

    [Id(17)] public List<EscalationState> Escalations { get; set; } = [];

    [Id(18)] public List<CaseTransition> History { get; set; } = [];

    /// <summary>
    /// The case's earliest upcoming timer, remembered until the case changes (<see cref="CaseMachine"/>
    /// forgets it on every change): a customer with many open cases does not redo the calendar math
    /// of all of them on every event. Not stored; an activation recomputes it.
    /// </summary>
    [NonSerialized]
    internal (bool Known, DateTimeOffset? At) NextTimer;

    public bool IsOpen => Status is not (CaseStatus.Resolved or CaseStatus.Closed);

    /// <summary>The clock of a metric that is still running or paused.</summary>
    public SlaClock? Active(SlaMetric metric) => Clocks.FindLast(c => c.Metric == metric && c.IsActive);

    public int NextCycle(SlaMetric metric) => Clocks.Where(c => c.Metric == metric).Select(c => c.Cycle + 1).DefaultIfEmpty(0).Max();
}
