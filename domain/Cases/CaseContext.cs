using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Organisation;
using HealthGrid.Domain.Sla;

namespace HealthGrid.Domain.Cases;

/// <summary>
/// What the case rules need to know about the customer and the configuration in force, and the time
/// views are computed at (the event being applied, or the moment of a read).
/// </summary>
public sealed record CaseContext(
    string CustomerId,
    CustomerProfile Profile,
    double Health,
    SlaPolicies Policies,
    OrganisationIndex Organisation,
    SlaOptions Sla,
    DateTimeOffset At);

/// <summary>What applying an event did to cases: the cases changed, alerts raised or updated, SLA clocks completed.</summary>
public sealed class CaseEffects
{
    public List<CaseView> Cases { get; } = [];

    public List<Alert> Alerts { get; } = [];

    public List<SlaOutcome> Outcomes { get; } = [];

    /// <summary>Breaches taken back because a late event showed their deadline met; their alerts are resolved with <c>late_data</c>.</summary>
    public List<SlaRetraction> Retractions { get; } = [];

    /// <summary>Live conversations that ended (a non-live message, or idle for the timeout).</summary>
    public List<LiveInteraction> EndedConversations { get; } = [];

    public bool IsEmpty => Cases.Count == 0 && Alerts.Count == 0 && Outcomes.Count == 0 && EndedConversations.Count == 0;
}

/// <summary>
/// An SLA clock that ended, met or breached, for the journey stage and process owner of its case.
/// <see cref="Retracted"/>: a breach counted before turned out met, so one breach becomes one met.
/// </summary>
public readonly record struct SlaOutcome(string? JourneyStage, string? ProcessOwner, bool Met, bool Retracted = false);
