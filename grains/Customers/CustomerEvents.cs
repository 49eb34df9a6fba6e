using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Live;
using HealthGrid.Storage.Ingest;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Grains.Customers;

/// <summary>
/// One customer's events: journal first, then apply in order, then hand the effects to the silo's
/// batchers (score changes, directory row, cases, alerts, journey-stage and theme tallies) and push
/// alerts live. Also replays the log past the snapshot when the customer activates; a replay stores
/// what it rebuilds but pushes nothing, the dashboards saw it the first time.
/// </summary>
internal sealed partial class CustomerEvents(CustomerModel customer, Snapshots snapshots, CustomerServices services)
{
    private readonly string stream = JournalStreams.Customer(customer.CustomerId);
    private readonly ILogger logger = services.Logger;

    /// <summary>The outcome of each event, or null when the journal could not make them durable.</summary>
    public async Task<IngestOutcome[]?> RecordAsync(Interaction[] events)
    {
        JournalAppendResult[] appended;
        try
        {
            appended = await services.Journal.AppendAsync(stream, events);
        }
        catch (JournalUnavailableException ex)
        {
            LogJournalUnavailable(ex, customer.CustomerId);
            return null;
        }

        var outcomes = new IngestOutcome[events.Length];
        for (var i = 0; i < events.Length; i++)
        {
            if (appended[i].Accepted)
            {
                Apply(events[i], appended[i].Seq, live: true);
                outcomes[i] = IngestOutcome.Accepted(events[i].EventId);
            }
            else
            {
                outcomes[i] = IngestOutcome.Duplicate(events[i].EventId);
            }
        }

        if (appended.Any(a => a.Accepted))
        {
            services.Publisher.Publish(customer.Summary(services.Time.GetUtcNow()));
        }

        return outcomes;
    }

    public async Task ReplayAsync(CancellationToken cancellationToken)
    {
        var replayed = 0;
        await foreach (var entry in services.Journal.ReadAsync(stream, customer.State.AppliedSeq, cancellationToken))
        {
            Apply(entry.Interaction, entry.Seq, live: false);
            replayed++;
        }

        if (replayed > 0)
        {
            snapshots.Applied(replayed);
            services.Publisher.Publish(customer.Summary(services.Time.GetUtcNow()));
            LogReplayed(customer.CustomerId, replayed, customer.State.AppliedSeq);
        }
    }

    /// <summary>Stores (and, when <paramref name="live"/>, pushes) what a change to cases or alerts produced.</summary>
    public void Publish(CaseEffects effects, bool live)
    {
        foreach (var @case in effects.Cases)
        {
            services.Publisher.Publish(@case);
        }

        foreach (var alert in effects.Alerts)
        {
            services.Publisher.Publish(alert);
            if (live)
            {
                services.Broadcaster.Publish(alert);
            }
        }

        if (live)
        {
            foreach (var outcome in effects.Outcomes)
            {
                services.Activity.RecordSla(outcome, customer.State.Activity);
            }
        }
    }

    private void Apply(Interaction e, long seq, bool live)
    {
        var (health, effects) = customer.Apply(e, seq, services.Rules.Now);
        if (health.Change is { } change)
        {
            services.Publisher.Record(change);
            if (live)
            {
                services.Metrics.ScoreChanged(change);
            }
        }

        Publish(effects, live);
        if (live)
        {
            snapshots.Applied(1);
            PushConversations(e, effects);
        }

        if (live && !e.IsInternal)
        {
            services.Activity.Record(e, health.Text, customer.Profile!, customer.State.Activity);
            services.Metrics.Applied(services.Time.GetUtcNow() - e.ReceivedAt);
        }
    }

    /// <summary>
    /// Supervisors' screens follow live chats and calls: a customer message moves its conversation,
    /// and every conversation that ended (a non-live message, or idle for the timeout) leaves the list.
    /// </summary>
    private void PushConversations(Interaction e, CaseEffects effects)
    {
        if (customer.Profile is not { } profile)
        {
            return;
        }

        foreach (var ended in effects.EndedConversations)
        {
            services.Broadcaster.Publish(View(profile, ended, ended.LastAt, ended: true));
        }

        if (e.Message is { Direction: MessageDirection.Customer } message && customer.State.Live.TryGetValue(message.InteractionId, out var live))
        {
            services.Broadcaster.Publish(View(profile, live, e.OccurredAt, ended: false));
        }
    }

    /// <summary>Conversations that end without a message saying so (the customer was erased): screens drop them.</summary>
    public void PushEnded(CustomerProfile profile, IEnumerable<LiveInteraction> conversations)
    {
        foreach (var live in conversations)
        {
            services.Broadcaster.Publish(View(profile, live, live.LastAt, ended: true));
        }
    }

    private LiveInteractionView View(CustomerProfile profile, LiveInteraction live, DateTimeOffset lastMessageAt, bool ended) => new()
    {
        Id = live.Id,
        CustomerId = customer.CustomerId,
        CustomerName = profile.Name,
        AccountId = profile.AccountId,
        Team = live.Team ?? FrustrationAlerts.UnassignedTeam,
        Tier = profile.Tier,
        Frustrated = live.Frustrated,
        Cues = [.. live.Cues],
        CustomerHealth = Math.Round(customer.State.Health.Score, 1),
        LastMessageAt = lastMessageAt,
        AlertId = live.AlertId,
        Ended = ended,
    };

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Customer {CustomerId} replayed {Count} events from the log up to sequence {AppliedSeq}")]
    private partial void LogReplayed(string customerId, int count, long appliedSeq);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "The event journal is unavailable for customer {CustomerId}; the events were answered 503")]
    private partial void LogJournalUnavailable(Exception exception, string customerId);
}
