using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Sla;

namespace HealthGrid.Domain.Cases;

/// <summary>
/// A customer's upcoming SLA timers — each running clock's next warning or breach, each active
/// escalation's next level — and what firing one does. Nothing polls: the grain arms one timer for
/// <see cref="Next"/> and journals the <see cref="Due"/> ones when it fires.
/// </summary>
public static class CaseTimers
{
    /// <summary>The earliest upcoming timer; asked after every write, so it allocates nothing (a customer without cases costs nothing).</summary>
    public static DateTimeOffset? Next(IEnumerable<CaseState> cases, SlaPolicies policies)
    {
        DateTimeOffset? earliest = null;
        foreach (var @case in cases)
        {
            if (NextOf(@case, policies) is { } next && (earliest is null || next < earliest))
            {
                earliest = next;
            }
        }

        return earliest;
    }

    /// <summary>Every timer due at or before <paramref name="now"/>, stamped as fired now (one per clock or escalation; fire, then ask again).</summary>
    public static List<SlaTimerDetails> Due(IEnumerable<CaseState> cases, SlaPolicies policies, DateTimeOffset now) =>
        [.. cases.Where(c => NextOf(c, policies) <= now).SelectMany(c => Upcoming(c, policies)).Where(t => t.DueAt <= now).Select(t => t with { FiredAt = now })];

    private static DateTimeOffset? NextOf(CaseState @case, SlaPolicies policies)
    {
        if (!@case.NextTimer.Known)
        {
            @case.NextTimer = (true, Upcoming(@case, policies).Select(t => (DateTimeOffset?)t.DueAt).Min());
        }

        return @case.NextTimer.At;
    }

    /// <summary>A firing as the event that journals it; <paramref name="cases"/> are the customer's, holding the timer's case.</summary>
    public static Interaction Event(string customerId, IReadOnlyDictionary<string, CaseState> cases, SlaTimerDetails timer) => new()
    {
        EventId = EventId(customerId, timer, CycleOf(cases[timer.CaseId], timer)),
        CustomerId = customerId,
        OccurredAt = timer.DueAt,
        ReceivedAt = timer.FiredAt,
        Channel = Channel.System,
        Kind = InteractionKind.SlaTimer,
        Timer = timer,
    };

    /// <summary>The deterministic event id of a firing: the journal then makes it count once.</summary>
    public static string EventId(string customerId, SlaTimerDetails timer, int cycle) =>
        $"sla.{customerId}.{timer.CaseId}.{timer.Metric}.{cycle}.{timer.Kind}.{timer.Step}";

    /// <summary>The cycle of the clock or escalation a timer belongs to.</summary>
    public static int CycleOf(CaseState @case, SlaTimerDetails timer) =>
        timer.Kind == SlaTimerKind.Escalation
            ? @case.Escalations.FindLast(x => x.Metric == timer.Metric && x.Status == EscalationStatus.Active)?.Cycle ?? 0
            : @case.Active(timer.Metric)?.Cycle ?? 0;

    public static void Fire(CustomerState state, SlaTimerDetails timer, long seq, CaseContext context, CaseEffects effects)
    {
        if (!state.Cases.TryGetValue(timer.CaseId, out var @case) || !@case.IsOpen)
        {
            return;
        }

        var policy = CaseRules.PolicyOf(@case, context);
        switch (timer.Kind)
        {
            case SlaTimerKind.Warning when @case.Active(timer.Metric) is { State: ClockState.Running } clock && clock.WarningsFired == timer.Step:
                clock.WarningsFired++;
                CaseAlerts.Warning(state, @case, clock, timer, seq, context, effects);
                break;
            case SlaTimerKind.Breach when @case.Active(timer.Metric) is { State: ClockState.Running, BreachedAt: null } clock:
                clock.BreachedAt = timer.DueAt;
                effects.Outcomes.Add(new SlaOutcome(@case.JourneyStage, @case.ProcessOwner, Met: false));
                CaseAlerts.Breach(state, @case, clock, policy, timer, seq, context, effects);
                break;
            case SlaTimerKind.Escalation:
                var escalation = @case.Escalations.FindLast(x => x.Metric == timer.Metric && x.Status == EscalationStatus.Active);
                if (escalation is null || escalation.Step + 1 != timer.Step)
                {
                    return;
                }

                escalation.Step = timer.Step;
                CaseAlerts.Escalate(state, @case, escalation, policy, timer, seq, context, effects);
                if (Escalations.NextAt(escalation, policy.Escalation) is null)
                {
                    escalation.Status = EscalationStatus.Exhausted;
                }

                break;
            default:
                return;
        }

        CaseMachine.Changed(state, @case, seq, context, effects);
    }

    private static IEnumerable<SlaTimerDetails> Upcoming(CaseState @case, SlaPolicies policies)
    {
        if (!@case.IsOpen)
        {
            yield break;
        }

        var policy = policies.Find(@case.Policy);
        if (policy is null)
        {
            yield break;
        }

        foreach (var clock in @case.Clocks)
        {
            if (SlaClocks.NextTimer(clock, policy) is { } next)
            {
                yield return new SlaTimerDetails(@case.Id, clock.Metric, next.Kind, next.Step, next.DueAt, next.DueAt);
            }
        }

        foreach (var escalation in @case.Escalations)
        {
            if (Escalations.NextAt(escalation, policy.Escalation) is { } at)
            {
                yield return new SlaTimerDetails(@case.Id, escalation.Metric, SlaTimerKind.Escalation, escalation.Step + 1, at, at);
            }
        }
    }
}
