using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.Cases;

/// <summary>
/// The closed loop of a customer's cases, driven by the customer's journaled events: tickets and
/// complaints open and move cases, API actions acknowledge and resolve them, fired timers raise
/// warnings, breaches and escalation steps, alert actions stop escalations. Pure: time comes from
/// the events, so a replay rebuilds the same cases and the same alerts.
/// </summary>
public static class CaseMachine
{
    public static void Apply(CustomerState state, Interaction e, long seq, CaseContext context, CaseEffects effects)
    {
        switch (e.Kind)
        {
            case InteractionKind.TicketOpened or InteractionKind.TicketUpdated or InteractionKind.TicketResolved when e.Ticket is { } ticket:
                Ticket(state, e, ticket, seq, context, effects);
                break;
            case InteractionKind.Complaint when e.Complaint is { } complaint:
                Complaint(state, e, complaint, seq, context, effects);
                break;
            case InteractionKind.CaseAction when e.CaseAction is { } action && state.Cases.TryGetValue(action.CaseId, out var @case):
                var to = action.Action == CaseAction.Acknowledge ? CaseStatus.Acknowledged : CaseStatus.Resolved;
                CaseRules.SetStatus(state, @case, to, Later(e.OccurredAt, @case.UpdatedAt), action.By, action.Note, e.EventId, seq, context, effects);
                Changed(state, @case, seq, context, effects);
                break;
            case InteractionKind.SlaTimer when e.Timer is { } timer:
                CaseTimers.Fire(state, timer, seq, context, effects);
                break;
            case InteractionKind.AlertAction when e.AlertAction is { } alertAction:
                ActOnAlert(state, alertAction, e.OccurredAt, seq, context, effects);
                break;
        }

        foreach (var retraction in effects.Retractions)
        {
            CaseAlerts.Retract(state, retraction, Later(e.ReceivedAt, e.OccurredAt), seq, effects);
        }

        Purge(state, e.OccurredAt, context);
    }

    /// <summary>Applies the policies now in force to every open case (a configuration change).</summary>
    public static void Refresh(CustomerState state, DateTimeOffset at, long seq, CaseContext context, CaseEffects effects)
    {
        foreach (var @case in state.Cases.Values.Where(c => c.IsOpen))
        {
            CaseRules.Reselect(@case, at, context);
            Changed(state, @case, seq, context, effects);
        }
    }

    internal static void Changed(CustomerState state, CaseState @case, long seq, CaseContext context, CaseEffects effects)
    {
        @case.NextTimer = default;
        @case.Version = Math.Max(@case.Version, seq);
        effects.Cases.RemoveAll(c => c.Id == @case.Id);
        effects.Cases.Add(CaseViews.From(@case, context));
        if (@case.Status == CaseStatus.Closed)
        {
            state.Cases.Remove(@case.Id);
        }
    }

    internal static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static void Ticket(CustomerState state, Interaction e, TicketDetails ticket, long seq, CaseContext context, CaseEffects effects)
    {
        var by = ticket.Author == MessageDirection.Customer ? "customer" : ticket.Assignee ?? "agent";
        if (!state.Cases.TryGetValue(ticket.TicketId, out var @case))
        {
            // A category that is a categorization code routes the case to that code's process and owner.
            var process = ticket.Category is { } code ? context.Organisation.ProcessOfCode(code) : null;
            @case = CaseRules.Open(ticket.TicketId, CaseOrigin.Ticket, ticket.Severity ?? Severity.Medium, e, ticket.Category, process, context, by);
            state.Cases[@case.Id] = @case;
        }

        var at = Later(e.OccurredAt, @case.UpdatedAt);
        @case.Assignee = ticket.Assignee ?? @case.Assignee;
        @case.Team = ticket.Team ?? @case.Team;
        if (ticket.Severity is { } severity && severity != @case.Severity)
        {
            @case.Severity = severity;
            CaseRules.Reselect(@case, at, context);
        }

        if (e.Kind == InteractionKind.TicketUpdated)
        {
            if (ticket.Author == MessageDirection.Agent)
            {
                // When the answer was given, not when it arrived or what arrived before it: SLA outcomes follow occurredAt.
                CaseRules.Respond(@case, e.OccurredAt, context, effects);
            }
            else
            {
                CaseRules.CustomerReplied(state, @case, at, e.EventId, seq, context, effects);
            }
        }

        var status = e.Kind == InteractionKind.TicketResolved ? CaseStatus.Resolved : ticket.Status;
        if (status is { } to)
        {
            CaseRules.SetStatus(state, @case, to, at, by, null, e.EventId, seq, context, effects);
        }

        @case.UpdatedAt = at;
        Changed(state, @case, seq, context, effects);
    }

    private static void Complaint(CustomerState state, Interaction e, ComplaintDetails complaint, long seq, CaseContext context, CaseEffects effects)
    {
        var id = complaint.CaseId ?? e.EventId;
        if (!state.Cases.TryGetValue(id, out var @case))
        {
            @case = CaseRules.Open(id, CaseOrigin.Complaint, complaint.Severity, e, complaint.Code, context.Organisation.ProcessOfCode(complaint.Code), context, "customer");
            state.Cases[id] = @case;
        }

        @case.Assignee = complaint.Assignee ?? @case.Assignee;
        @case.Team = complaint.Team ?? @case.Team;
        @case.UpdatedAt = Later(e.OccurredAt, @case.UpdatedAt);
        Changed(state, @case, seq, context, effects);
    }

    private static void ActOnAlert(CustomerState state, AlertActionDetails action, DateTimeOffset at, long seq, CaseContext context, CaseEffects effects)
    {
        if (!state.Alerts.TryGetValue(action.AlertId, out var alert) || AlertLifecycle.Act(alert, action.To, action.By, at, seq) is not { } updated)
        {
            return;
        }

        if (alert.CaseId is { } caseId && state.Cases.TryGetValue(caseId, out var @case))
        {
            foreach (var escalation in @case.Escalations.Where(x => x.AlertId == alert.Id && x.Status == EscalationStatus.Active))
            {
                escalation.Status = EscalationStatus.Acknowledged;
            }

            Changed(state, @case, seq, context, effects);
        }

        CaseAlerts.Put(state, updated, effects);
    }

    /// <summary>Closed cases and cases resolved long ago leave the live state (they stay in the case list).</summary>
    private static void Purge(CustomerState state, DateTimeOffset now, CaseContext context)
    {
        // Runs on every event: allocate nothing unless there is something to purge.
        var cutoff = now - context.Sla.KeepResolvedFor;
        List<string>? purged = null;
        foreach (var @case in state.Cases.Values)
        {
            if (@case.Status == CaseStatus.Resolved && @case.ResolvedAt < cutoff)
            {
                (purged ??= []).Add(@case.Id);
            }
        }

        foreach (var caseId in purged ?? [])
        {
            state.Cases.Remove(caseId);
        }
    }
}
