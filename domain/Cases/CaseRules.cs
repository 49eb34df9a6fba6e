using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Organisation;
using HealthGrid.Domain.Sla;

namespace HealthGrid.Domain.Cases;

/// <summary>
/// What a case's status and its updates do to its SLA clocks: an agent response stops the first and
/// next response clocks and restarts the periodic-update clock; a customer reply starts the next
/// response clock and resumes a case waiting on the customer; waiting on the customer pauses every
/// clock; acknowledging counts as the first response; resolving stops the resolution clock.
/// </summary>
internal static class CaseRules
{
    private static readonly SlaMetric[] OpeningMetrics = [SlaMetric.FirstResponse, SlaMetric.PeriodicUpdate, SlaMetric.Resolution];

    public static CaseState Open(string id, CaseOrigin origin, Severity severity, Interaction e, string? category, ProcessSettings? process, CaseContext context, string by)
    {
        var policy = context.Policies.Select(context.Profile.Tier, severity, category, e.Channel);
        var @case = new CaseState
        {
            Id = id,
            Origin = origin,
            Status = CaseStatus.Opened,
            Severity = severity,
            Channel = e.Channel,
            Category = category,
            Process = process?.Id,
            ProcessOwner = string.IsNullOrWhiteSpace(process?.Owner) ? null : process.Owner,
            JourneyStage = e.JourneyStage,
            Policy = policy.Id,
            OpenedAt = e.OccurredAt,
            UpdatedAt = e.OccurredAt,
        };
        foreach (var metric in OpeningMetrics)
        {
            if (policy.Target(metric) is { } target)
            {
                @case.Clocks.Add(SlaClocks.Start(metric, target, e.OccurredAt, 0));
            }
        }

        @case.History.Add(new CaseTransition(e.OccurredAt, null, CaseStatus.Opened, by, null, e.EventId));
        return @case;
    }

    public static SlaPolicy PolicyOf(CaseState @case, CaseContext context) =>
        context.Policies.Find(@case.Policy) ?? context.Policies.Select(context.Profile.Tier, @case.Severity, @case.Category, @case.Channel);

    public static void SetStatus(CustomerState state, CaseState @case, CaseStatus to, DateTimeOffset at, string by, string? note, string eventId, long seq, CaseContext context, CaseEffects effects)
    {
        var from = @case.Status;
        if (from == to)
        {
            return;
        }

        var calendar = PolicyOf(@case, context).Calendar;
        switch (to)
        {
            case CaseStatus.WaitingOnCustomer:
                @case.Clocks.ForEach(c => SlaClocks.Pause(c, calendar, at));
                break;
            case CaseStatus.Resolved or CaseStatus.Closed:
                if (@case.ResolvedAt is null)
                {
                    Complete(@case, SlaMetric.Resolution, at, context, effects);
                    foreach (var clock in @case.Clocks.Where(c => c.IsActive))
                    {
                        SlaClocks.Cancel(clock, calendar, at);
                    }

                    @case.ResolvedAt = at;
                    CaseAlerts.ResolveFor(state, @case, by, at, seq, effects);
                }

                break;
            default:
                if (from == CaseStatus.WaitingOnCustomer)
                {
                    @case.Clocks.ForEach(c => SlaClocks.Resume(c, at));
                }
                else if (from is CaseStatus.Resolved or CaseStatus.Closed)
                {
                    Reopen(@case, at, context);
                }

                if (to == CaseStatus.Acknowledged)
                {
                    Complete(@case, SlaMetric.FirstResponse, at, context, effects);
                }

                break;
        }

        @case.Status = to;
        @case.UpdatedAt = at;
        @case.History.Add(new CaseTransition(at, from, to, by, note, eventId));
        if (@case.History.Count > CaseState.MaxHistory)
        {
            @case.History.RemoveAt(0);
        }
    }

    /// <summary>An agent answered: the first and next responses are met, and the periodic-update clock starts over.</summary>
    public static void Respond(CaseState @case, DateTimeOffset at, CaseContext context, CaseEffects effects)
    {
        Complete(@case, SlaMetric.FirstResponse, at, context, effects);
        Complete(@case, SlaMetric.NextResponse, at, context, effects);
        if (@case.Active(SlaMetric.PeriodicUpdate) is { } periodic && @case.IsOpen)
        {
            // A late answer cannot start the next update's clock before the current one started.
            var from = CaseMachine.Later(at, periodic.Since);
            Complete(@case, SlaMetric.PeriodicUpdate, from, context, effects);
            Start(@case, SlaMetric.PeriodicUpdate, from, context);
        }
    }

    /// <summary>The customer wrote: an agent owes a next response, and a case waiting on the customer is worked again.</summary>
    public static void CustomerReplied(CustomerState state, CaseState @case, DateTimeOffset at, string eventId, long seq, CaseContext context, CaseEffects effects)
    {
        if (@case.Status == CaseStatus.WaitingOnCustomer)
        {
            SetStatus(state, @case, CaseStatus.Investigating, at, "customer", null, eventId, seq, context, effects);
        }

        if (@case.IsOpen && @case.Active(SlaMetric.NextResponse) is null)
        {
            Start(@case, SlaMetric.NextResponse, at, context);
        }
    }

    /// <summary>Points the case at the policy that now fits it; running clocks keep their anchors and take the new targets.</summary>
    public static void Reselect(CaseState @case, DateTimeOffset at, CaseContext context)
    {
        var policy = context.Policies.Select(context.Profile.Tier, @case.Severity, @case.Category, @case.Channel);
        @case.Policy = policy.Id;
        foreach (var clock in @case.Clocks.Where(c => c.IsActive))
        {
            if (policy.Target(clock.Metric) is { } target)
            {
                SlaClocks.Retarget(clock, target);
            }
            else
            {
                SlaClocks.Cancel(clock, policy.Calendar, at);
            }
        }
    }

    private static void Reopen(CaseState @case, DateTimeOffset at, CaseContext context)
    {
        @case.ResolvedAt = null;
        Start(@case, SlaMetric.Resolution, at, context);
    }

    private static void Start(CaseState @case, SlaMetric metric, DateTimeOffset at, CaseContext context)
    {
        if (PolicyOf(@case, context).Target(metric) is { } target)
        {
            var clock = SlaClocks.Start(metric, target, at, @case.NextCycle(metric));
            if (@case.Status == CaseStatus.WaitingOnCustomer)
            {
                clock.State = ClockState.Paused;
            }

            @case.Clocks.Add(clock);
        }
    }

    private static void Complete(CaseState @case, SlaMetric metric, DateTimeOffset at, CaseContext context, CaseEffects effects)
    {
        if (@case.Active(metric) is not { } clock)
        {
            return;
        }

        var breachedAt = clock.BreachedAt;
        var retracted = SlaClocks.Complete(clock, PolicyOf(@case, context).Calendar, at);

        // What was owed is done: its escalation stops climbing (the breach alert stays until acknowledged).
        foreach (var escalation in @case.Escalations.Where(x => x.Metric == metric && x.Cycle == clock.Cycle && x.Status == EscalationStatus.Active))
        {
            escalation.Status = EscalationStatus.Closed;
        }

        if (retracted)
        {
            effects.Outcomes.Add(new SlaOutcome(@case.JourneyStage, @case.ProcessOwner, Met: true, Retracted: true));
            var alertId = @case.Escalations.FindLast(x => x.Metric == metric && x.Cycle == clock.Cycle)?.AlertId;
            effects.Retractions.Add(new SlaRetraction(@case.Id, metric, clock.Cycle, breachedAt!.Value, alertId));
        }
        else if (clock.State == ClockState.Met)
        {
            effects.Outcomes.Add(new SlaOutcome(@case.JourneyStage, @case.ProcessOwner, Met: true));
        }
        else if (breachedAt is null)
        {
            effects.Outcomes.Add(new SlaOutcome(@case.JourneyStage, @case.ProcessOwner, Met: false));
        }
    }
}
