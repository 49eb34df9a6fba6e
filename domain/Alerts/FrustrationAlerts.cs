using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Customers.Text;
using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.Alerts;

/// <summary>
/// Supervisor alerts for live conversations: the first frustrated customer message of a chat or call
/// raises one alert for the conversation's team; more frustration updates that alert (and makes it
/// critical) instead of raising new ones. A conversation ends with a non-live message or when it has
/// been idle for <see cref="AlertOptions.LiveInteractionIdle"/> (the grain journals a
/// <see cref="InteractionKind.ConversationIdle"/> event at that moment), and its alert resolves with it.
/// </summary>
public static class FrustrationAlerts
{
    public const string UnassignedTeam = "unassigned";

    /// <summary>Who resolves an alert whose condition ended on its own.</summary>
    public const string SystemActor = AlertResolutions.System;

    /// <summary>When the earliest live conversation goes idle, or null when there is none.</summary>
    public static DateTimeOffset? NextIdle(CustomerState state, AlertOptions options) =>
        state.Live.Count == 0 ? null : state.Live.Values.Min(l => l.LastAt) + options.LiveInteractionIdle;

    /// <summary>The event that ends the conversations idle at <paramref name="at"/>; its id makes a repeated firing count once.</summary>
    public static Interaction IdleEvent(string customerId, DateTimeOffset at, DateTimeOffset now) => new()
    {
        EventId = $"idle.{customerId}.{at.UtcTicks}",
        CustomerId = customerId,
        OccurredAt = at,
        ReceivedAt = now,
        Channel = Channel.System,
        Kind = InteractionKind.ConversationIdle,
    };

    public static void Apply(CustomerState state, Interaction e, TextSignal text, long seq, string customerId, CustomerProfile profile, AlertOptions options, CaseEffects effects)
    {
        if (e.Kind == InteractionKind.ConversationIdle)
        {
            EndIdle(state, e.OccurredAt, seq, options, effects, inclusive: true);
            return;
        }

        if (e.Message is not { Direction: MessageDirection.Customer } message)
        {
            return;
        }

        EndIdle(state, e.OccurredAt, seq, options, effects, inclusive: false);

        if (!message.Live)
        {
            End(state, message.InteractionId, e.OccurredAt, seq, effects);
            return;
        }

        if (!state.Live.TryGetValue(message.InteractionId, out var live))
        {
            live = new LiveInteraction { Id = message.InteractionId, Team = message.Team };
            state.Live[live.Id] = live;
        }

        live.LastAt = e.OccurredAt > live.LastAt ? e.OccurredAt : live.LastAt;
        live.Team = message.Team ?? live.Team;
        if (!text.IsFrustrated)
        {
            return;
        }

        live.Frustrated++;
        live.Cues = [.. live.Cues.Union(text.Cues)];
        var severity = live.Frustrated >= options.FrustrationCriticalAfter ? AlertSeverity.Critical : AlertSeverity.High;
        if (live.AlertId is { } id && state.Alerts.TryGetValue(id, out var existing))
        {
            CaseAlerts.Put(state, existing with
            {
                Severity = severity,
                Cues = [.. live.Cues],
                Count = live.Frustrated,
                CustomerHealth = Math.Round(state.Health.Score, 1),
                Message = Describe(profile, e, live),
                UpdatedAt = e.OccurredAt,
                Version = seq,
            }, effects);
            return;
        }

        // Numbered by the event that raised it: once resolved or idle, renewed frustration is a new alert.
        live.AlertId = AlertIds.Of("frustration", customerId, live.Id, seq);
        CaseAlerts.Put(state, new Alert
        {
            Id = live.AlertId,
            Type = AlertType.Frustration,
            Severity = severity,
            State = AlertState.Raised,
            Message = Describe(profile, e, live),
            Audiences = [new Audience(AudienceKind.Team, live.Team ?? UnassignedTeam)],
            OwnerKind = AlertOwnerKind.Customer,
            OwnerId = customerId,
            CustomerId = customerId,
            AccountId = profile.AccountId,
            Team = live.Team ?? UnassignedTeam,
            InteractionId = live.Id,
            JourneyStage = e.JourneyStage,
            CustomerHealth = Math.Round(state.Health.Score, 1),
            CustomerTier = profile.Tier,
            Cues = [.. live.Cues],
            Count = live.Frustrated,
            RaisedAt = e.OccurredAt,
            UpdatedAt = e.OccurredAt,
            Version = seq,
        }, effects);
    }

    /// <summary>A conversation is over: its alert, if nobody resolved it, resolves with it.</summary>
    /// <summary>Ends every conversation quiet since before <paramref name="at"/> minus the idle timeout (or exactly that long, when the idle timer fired).</summary>
    private static void EndIdle(CustomerState state, DateTimeOffset at, long seq, AlertOptions options, CaseEffects effects, bool inclusive)
    {
        var quietSince = at - options.LiveInteractionIdle;
        foreach (var idle in state.Live.Values.Where(l => l.LastAt < quietSince || (inclusive && l.LastAt == quietSince)).Select(l => l.Id).ToList())
        {
            End(state, idle, at, seq, effects);
        }
    }

    private static void End(CustomerState state, string interactionId, DateTimeOffset at, long seq, CaseEffects effects)
    {
        if (!state.Live.Remove(interactionId, out var live))
        {
            return;
        }

        effects.EndedConversations.Add(live);
        if (live.AlertId is { } id
            && state.Alerts.TryGetValue(id, out var alert)
            && AlertLifecycle.Act(alert, AlertState.Resolved, SystemActor, at, seq) is { } resolved)
        {
            CaseAlerts.Put(state, resolved, effects);
        }
    }

    private static string Describe(CustomerProfile profile, Interaction e, LiveInteraction live) =>
        $"{profile.Name} ({profile.Tier}) is frustrated in a live {e.Channel.ToString().ToLowerInvariant()}"
        + (live.Frustrated > 1 ? $" ({live.Frustrated} frustrated messages)" : "")
        + (live.Cues.Count > 0 ? ": " + string.Join(", ", live.Cues) : ".");
}
