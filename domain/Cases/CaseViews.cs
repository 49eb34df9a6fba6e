using HealthGrid.Domain.Sla;

namespace HealthGrid.Domain.Cases;

/// <summary>The view of a case at the context's time: its clocks' due times and elapsed business time, and its SLA state at a glance.</summary>
public static class CaseViews
{
    public static CaseView From(CaseState @case, CaseContext context)
    {
        var policy = CaseRules.PolicyOf(@case, context);
        var calendar = policy.Calendar;
        var clocks = @case.Clocks.Select(c => new SlaClockView
        {
            Metric = c.Metric,
            State = c.State,
            Target = c.Target,
            StartedAt = c.StartedAt,
            DueAt = c.BreachedAt is null ? SlaClocks.Due(c, calendar) : null,
            Elapsed = c.CompletedAt is null ? SlaClocks.Elapsed(c, calendar, Later(context.At, c.Since)) : c.Accrued,
            BreachedAt = c.BreachedAt,
            CompletedAt = c.CompletedAt,
            WarningsFired = c.WarningsFired,
        }).ToArray();
        var escalations = @case.Escalations.Select(x => ViewOf(x, policy.Escalation)).ToArray();
        return new CaseView
        {
            Id = @case.Id,
            CustomerId = context.CustomerId,
            AccountId = context.Profile.AccountId,
            Origin = @case.Origin,
            Status = @case.Status,
            Severity = @case.Severity,
            Channel = @case.Channel,
            Category = @case.Category,
            Assignee = @case.Assignee,
            Team = @case.Team,
            Process = @case.Process,
            ProcessOwner = @case.ProcessOwner,
            JourneyStage = @case.JourneyStage,
            Policy = @case.Policy,
            SlaState = StateOf(@case, clocks),
            NextDueAt = clocks.Where(c => c.State == ClockState.Running).Select(c => c.DueAt).Min(),
            OpenedAt = @case.OpenedAt,
            UpdatedAt = @case.UpdatedAt,
            ResolvedAt = @case.ResolvedAt,
            Clocks = clocks,
            Escalations = escalations,
            History = [.. @case.History],
            Version = @case.Version,
        };
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static EscalationView ViewOf(EscalationState escalation, EscalationSettings settings)
    {
        var levelsPerPass = Math.Max(1, settings.Levels.Count - escalation.StartLevel);
        return new EscalationView(
            escalation.Metric,
            escalation.AlertId,
            escalation.Status,
            Escalations.LevelOf(settings, escalation.StartLevel, escalation.Step),
            escalation.Step / levelsPerPass,
            Escalations.NextAt(escalation, settings));
    }

    private static SlaState StateOf(CaseState @case, SlaClockView[] clocks)
    {
        var breached = clocks.Any(c => c.BreachedAt is not null);
        if (!@case.IsOpen)
        {
            return breached ? SlaState.Breached : SlaState.Completed;
        }

        return breached ? SlaState.Breached
            : @case.Status == CaseStatus.WaitingOnCustomer ? SlaState.Paused
            : clocks.Any(c => c.State == ClockState.Running && c.WarningsFired > 0) ? SlaState.Warning
            : SlaState.OnTrack;
    }
}
