using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Sla;

namespace HealthGrid.Domain.Cases;

/// <summary>The alerts of cases: warnings before a deadline, the breach, each escalation step, and their resolution with the case.</summary>
internal static class CaseAlerts
{
    private static readonly TimeSpan OnTime = TimeSpan.FromSeconds(1);

    /// <summary>Records an alert in the customer's live alerts (resolved ones leave) and as an effect.</summary>
    public static void Put(CustomerState state, Alert alert, CaseEffects effects)
    {
        if (alert.State == AlertState.Resolved)
        {
            state.Alerts.Remove(alert.Id);
        }
        else
        {
            state.Alerts[alert.Id] = alert;
        }

        effects.Alerts.RemoveAll(a => a.Id == alert.Id);
        effects.Alerts.Add(alert);
    }

    public static void Warning(CustomerState state, CaseState @case, SlaClock clock, SlaTimerDetails timer, long seq, CaseContext context, CaseEffects effects)
    {
        var due = SlaClocks.Due(clock, CaseRules.PolicyOf(@case, context).Calendar);
        Put(state, New(@case, timer, context, seq) with
        {
            Id = AlertIds.Of("sla-warning", context.CustomerId, @case.Id, timer.Metric, clock.Cycle, timer.Step),
            Type = AlertType.SlaWarning,
            Severity = AlertSeverity.Warning,
            Message = $"{Name(timer.Metric)} of case {@case.Id} ({context.Profile.Name}) is due at {due:yyyy-MM-dd HH:mm} UTC.",
            Audiences = CaseAudiences.Workers(@case, context.Profile.AccountId),
        }, effects);
    }

    public static void Breach(CustomerState state, CaseState @case, SlaClock clock, SlaPolicy policy, SlaTimerDetails timer, long seq, CaseContext context, CaseEffects effects)
    {
        var start = Escalations.StartLevel(policy.Escalation, context.Profile);
        var escalation = new EscalationState
        {
            Metric = timer.Metric,
            Cycle = clock.Cycle,
            AlertId = AlertIds.Of("sla-breach", context.CustomerId, @case.Id, timer.Metric, clock.Cycle),
            Status = policy.Escalation.Levels.Count > 0 ? EscalationStatus.Active : EscalationStatus.Exhausted,
            StartedAt = timer.DueAt,
            StartLevel = start,
        };
        @case.Escalations.Add(escalation);
        var (audience, notify) = Level(policy, start, @case, context);
        Put(state, New(@case, timer, context, seq) with
        {
            Id = escalation.AlertId,
            Type = AlertType.SlaBreach,
            Severity = IsCritical(context.Profile) ? AlertSeverity.Critical : AlertSeverity.High,
            Message = $"{Name(timer.Metric)} of case {@case.Id} ({context.Profile.Name}, {context.Profile.Tier}) breached at {timer.DueAt:yyyy-MM-dd HH:mm} UTC.",
            Audiences = [audience],
            LevelAudience = audience,
            Cues = [notify],
            EscalationLevel = start,
            LateBy = timer.FiredAt - timer.DueAt > OnTime ? timer.FiredAt - timer.DueAt : null,
        }, effects);
    }

    public static void Escalate(CustomerState state, CaseState @case, EscalationState escalation, SlaPolicy policy, SlaTimerDetails timer, long seq, CaseContext context, CaseEffects effects)
    {
        if (!state.Alerts.TryGetValue(escalation.AlertId, out var alert) || alert.State != AlertState.Raised)
        {
            return;
        }

        var level = Escalations.LevelOf(policy.Escalation, escalation.StartLevel, escalation.Step);
        var (audience, notify) = Level(policy, level, @case, context);
        Put(state, alert with
        {
            Audiences = AlertLifecycle.With(alert.Audiences, audience),
            LevelAudience = audience,
            Cues = [.. alert.Cues, notify],
            EscalationLevel = level,
            Severity = level == policy.Escalation.Levels.Count - 1 ? AlertSeverity.Critical : alert.Severity,
            UpdatedAt = timer.DueAt,
            Version = seq,
        }, effects);
    }

    /// <summary>Resolving a case resolves its alerts and closes its escalations.</summary>
    public static void ResolveFor(CustomerState state, CaseState @case, string by, DateTimeOffset at, long seq, CaseEffects effects)
    {
        foreach (var escalation in @case.Escalations.Where(x => x.Status == EscalationStatus.Active))
        {
            escalation.Status = EscalationStatus.Closed;
        }

        foreach (var alert in state.Alerts.Values.Where(a => a.CaseId == @case.Id).ToList())
        {
            if (AlertLifecycle.Act(alert, AlertState.Resolved, by, at, seq) is { } resolved)
            {
                Put(state, resolved, effects);
            }
        }
    }

    /// <summary>A breach taken back by late data: its alert resolved by HealthGrid, with the reason, when the truth arrived.</summary>
    public static void Retract(CustomerState state, SlaRetraction retraction, DateTimeOffset at, long seq, CaseEffects effects)
    {
        if (retraction.AlertId is { } id && state.Alerts.TryGetValue(id, out var alert)
            && AlertLifecycle.Act(alert, AlertState.Resolved, AlertResolutions.System, at, seq) is { } resolved)
        {
            Put(state, resolved with { ResolvedReason = AlertResolutions.LateData }, effects);
        }
    }

    private static (Audience Audience, string Notify) Level(SlaPolicy policy, int level, CaseState @case, CaseContext context)
    {
        var notify = policy.Escalation.Levels.Count > 0 ? policy.Escalation.Levels[level].Notify : "team";
        return (CaseAudiences.For(notify, @case, context.Profile.AccountId), $"level {level}: {notify}");
    }

    private static Alert New(CaseState @case, SlaTimerDetails timer, CaseContext context, long seq) => new()
    {
        Id = "",
        Type = AlertType.SlaWarning,
        Severity = AlertSeverity.Warning,
        State = AlertState.Raised,
        Message = "",
        Audiences = [],
        OwnerKind = AlertOwnerKind.Customer,
        OwnerId = context.CustomerId,
        CustomerId = context.CustomerId,
        AccountId = context.Profile.AccountId,
        CaseId = @case.Id,
        JourneyStage = @case.JourneyStage,
        Process = @case.Process,
        ProcessOwner = @case.ProcessOwner,
        Team = @case.Team,
        Code = @case.Category,
        Metric = timer.Metric,
        CustomerHealth = Math.Round(context.Health, 1),
        CustomerTier = context.Profile.Tier,
        RaisedAt = timer.DueAt,
        UpdatedAt = timer.DueAt,
        Version = seq,
    };

    private static bool IsCritical(CustomerProfile profile) => profile.Criticality == Criticality.Critical || profile.Tier == Tier.Platinum;

    internal static string Name(SlaMetric metric) => metric switch
    {
        SlaMetric.FirstResponse => "First response",
        SlaMetric.NextResponse => "Next response",
        SlaMetric.PeriodicUpdate => "Periodic update",
        _ => "Resolution",
    };
}
