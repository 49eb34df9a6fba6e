using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Live;
using HealthGrid.Grains.Activity;
using HealthGrid.Grains.Live;
using HealthGrid.Grains.Projections;
using HealthGrid.Storage.Ingest;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Grains.Customers;

/// <summary>
/// One customer's events: journal first, then apply in order, then hand the effects to the silo's
/// batchers (score changes, directory row, cases, alerts, journey-stage and theme tallies) and push
/// alerts live. Also replays the log past the snapshot when the customer activates; a replay stores
/// what it rebuilds but pushes nothing, the dashboards saw it the first time.
/// </summary>
internal sealed partial class CustomerEvents(
    CustomerModel customer,
    Snapshots snapshots,
    IEventJournal journal,
    ProjectionPublisher publisher,
    ActivityAggregator activity,
    LiveBroadcaster broadcaster,
    CurrentCustomerRules rules,
    CustomerMetrics metrics,
    TimeProvider time,
    ILogger logger)
{
    private readonly string stream = JournalStreams.Customer(customer.CustomerId);

    /// <summary>The outcome of each event, or null when the journal could not make them durable.</summary>
    public async Task<IngestOutcome[]?> RecordAsync(Interaction[] events)
    {
        JournalAppendResult[] appended;
        try
        {
            appended = await journal.AppendAsync(stream, events);
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
            publisher.Publish(customer.Summary(time.GetUtcNow()));
        }

        return outcomes;
    }

    public async Task ReplayAsync(CancellationToken cancellationToken)
    {
        var replayed = 0;
        await foreach (var entry in journal.ReadAsync(stream, customer.State.AppliedSeq, cancellationToken))
        {
            Apply(entry.Interaction, entry.Seq, live: false);
            replayed++;
        }

        if (replayed > 0)
        {
            snapshots.Applied(replayed);
            publisher.Publish(customer.Summary(time.GetUtcNow()));
            LogReplayed(customer.CustomerId, replayed, customer.State.AppliedSeq);
        }
    }

    /// <summary>Stores (and, when <paramref name="live"/>, pushes) what a change to cases or alerts produced.</summary>
    public void Publish(CaseEffects effects, bool live)
    {
        foreach (var @case in effects.Cases)
        {
            publisher.Publish(@case);
        }

        foreach (var alert in effects.Alerts)
        {
            publisher.Publish(alert);
            if (live)
            {
                broadcaster.Publish(alert);
            }
        }

        if (live)
        {
            foreach (var outcome in effects.Outcomes)
            {
                activity.RecordSla(outcome);
            }
        }
    }

    private void Apply(Interaction e, long seq, bool live)
    {
        var (health, effects) = customer.Apply(e, seq, rules.Now);
        if (health.Change is { } change)
        {
            publisher.Record(change);
            if (live)
            {
                metrics.ScoreChanged(change);
            }
        }

        Publish(effects, live);
        if (live)
        {
            snapshots.Applied(1);
        }

        if (live && !e.IsInternal)
        {
            activity.Record(e, health.Text, customer.Profile!);
            metrics.Applied(time.GetUtcNow() - e.ReceivedAt);
            PushConversation(e);
        }
    }

    /// <summary>A customer message of a live chat or call moves the conversation on supervisors' screens (or ends it).</summary>
    private void PushConversation(Interaction e)
    {
        if (e.Message is not { Direction: MessageDirection.Customer } message || customer.Profile is not { } profile)
        {
            return;
        }

        var state = customer.State.Live.GetValueOrDefault(message.InteractionId);
        broadcaster.Publish(new LiveInteractionView
        {
            Id = message.InteractionId,
            CustomerId = customer.CustomerId,
            CustomerName = profile.Name,
            AccountId = profile.AccountId,
            Team = state?.Team ?? message.Team ?? FrustrationAlerts.UnassignedTeam,
            Tier = profile.Tier,
            Frustrated = state?.Frustrated ?? 0,
            Cues = state is null ? [] : [.. state.Cues],
            CustomerHealth = Math.Round(customer.State.Health.Score, 1),
            LastMessageAt = e.OccurredAt,
            AlertId = state?.AlertId,
            Ended = state is null,
        });
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Customer {CustomerId} replayed {Count} events from the log up to sequence {AppliedSeq}")]
    private partial void LogReplayed(string customerId, int count, long appliedSeq);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "The event journal is unavailable for customer {CustomerId}; the events were answered 503")]
    private partial void LogJournalUnavailable(Exception exception, string customerId);
}
