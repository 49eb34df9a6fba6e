using HealthGrid.Activity;
using HealthGrid.Configuration;
using HealthGrid.Ingest;
using HealthGrid.Projections;
using HealthGrid.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGrid.Customers;

/// <summary>
/// One customer's events: journal first, then apply in order, then hand the effects to the silo's
/// batchers (score changes, directory row, journey-stage and theme tallies). Also replays the log
/// past the snapshot when the customer activates.
/// </summary>
internal sealed partial class CustomerEvents(
    CustomerModel customer,
    Snapshots snapshots,
    IEventJournal journal,
    ProjectionPublisher publisher,
    ActivityAggregator activity,
    IOptionsMonitor<HealthModelOptions> model,
    CustomerMetrics metrics,
    TimeProvider time,
    ILogger logger)
{
    private string Stream => JournalStreams.Customer(customer.CustomerId);

    /// <summary>The outcome of each event, or null when the journal could not make them durable.</summary>
    public async Task<IngestOutcome[]?> RecordAsync(Interaction[] events)
    {
        JournalAppendResult[] appended;
        try
        {
            appended = await journal.AppendAsync(Stream, events);
        }
        catch (JournalUnavailableException ex)
        {
            LogJournalUnavailable(ex, customer.CustomerId);
            return null;
        }

        var outcomes = new IngestOutcome[events.Length];
        for (var i = 0; i < events.Length; i++)
        {
            outcomes[i] = appended[i].Accepted ? Apply(events[i], appended[i].Seq) : IngestOutcome.Duplicate(events[i].EventId);
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
        await foreach (var entry in journal.ReadAsync(Stream, customer.State.AppliedSeq, cancellationToken))
        {
            if (customer.Apply(entry.Interaction, entry.Seq, model.CurrentValue).Change is { } change)
            {
                publisher.Record(change);
            }

            replayed++;
        }

        if (replayed > 0)
        {
            snapshots.Applied(replayed);
            publisher.Publish(customer.Summary(time.GetUtcNow()));
            LogReplayed(customer.CustomerId, replayed, customer.State.AppliedSeq);
        }
    }

    private IngestOutcome Apply(Interaction e, long seq)
    {
        var update = customer.Apply(e, seq, model.CurrentValue);
        if (update.Change is { } change)
        {
            publisher.Record(change);
            metrics.ScoreChanged(change);
        }

        activity.Record(e, update.Text, customer.Profile!);
        snapshots.Applied(1);
        metrics.Applied(time.GetUtcNow() - e.ReceivedAt);
        return IngestOutcome.Accepted(e.EventId);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Customer {CustomerId} replayed {Count} events from the log up to sequence {AppliedSeq}")]
    private partial void LogReplayed(string customerId, int count, long appliedSeq);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "The event journal is unavailable for customer {CustomerId}; the events were answered 503")]
    private partial void LogJournalUnavailable(Exception exception, string customerId);
}
