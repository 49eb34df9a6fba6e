using HealthGrid.Api.Infrastructure;
using HealthGrid.Api.Ingest;
using HealthGrid.Domain.Ingest;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Api.Connectors.RabbitMq;

/// <summary>
/// Turns one consumer's batch of deliveries into events, ingests the valid ones together and settles each
/// message on the channel that delivered it: acknowledged when its event is durable or a duplicate of one that
/// is, dead-lettered (confirmed by the broker, then acknowledged) when it cannot become an event, and
/// left unsettled — returned to the caller to hold and retry — when the journal could not take it.
/// </summary>
public sealed partial class QueueMessageSettler(QueueMessageReader reader, EventIngestor ingestor, IngestMetrics ingestMetrics, QueueMetrics metrics, ILogger<QueueMessageSettler> logger)
{
    /// <summary>
    /// Settles <paramref name="batch"/>, delivered by <paramref name="consumer"/> in this order, and returns
    /// the messages it could not. <paramref name="retry"/>: the batch is held messages tried again, already
    /// counted as received, and acknowledged one by one since later deliveries of the channel may have been
    /// acknowledged already.
    /// </summary>
    public async Task<List<QueueMessage>> SettleAsync(QueueConsumer consumer, IReadOnlyList<QueueMessage> batch, bool retry)
    {
        if (!retry)
        {
            ingestMetrics.Received(batch.Count);
        }

        var verdicts = await DecideAsync(consumer, batch);
        var held = batch.Where((_, i) => verdicts[i].Hold).ToList();
        var settled = batch.Select((m, i) => (Message: m, Verdict: verdicts[i])).Where(x => !x.Verdict.Hold).ToList();
        try
        {
            foreach (var (message, verdict) in settled.Where(x => x.Verdict.DeadLetter is not null))
            {
                await consumer.DeadLetterAsync(message, verdict.DeadLetter!);
                metrics.DeadLettered(consumer.Settings.Id);
                LogDeadLettered(consumer.Settings.Id, message.MessageId, verdict.DeadLetter!);
            }

            if (held.Count == 0 && !retry && settled.Count > 0)
            {
                await consumer.AcknowledgeThroughAsync(settled[^1].Message.DeliveryTag);
            }
            else
            {
                foreach (var (message, _) in settled)
                {
                    await consumer.AcknowledgeAsync(message.DeliveryTag);
                }
            }

            metrics.Consumed(consumer.Settings.Id, settled.Count(x => x.Verdict.DeadLetter is null));
            return held;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The channel is gone (a lost connection, or a dead-letter exchange that does not exist): its
            // unacknowledged messages return to the queue and the loop reopens the consumer.
            LogSettleFailed(ex, consumer.Settings.Id);
            return [];
        }
    }

    private async Task<Verdict[]> DecideAsync(QueueConsumer consumer, IReadOnlyList<QueueMessage> batch)
    {
        var verdicts = new Verdict[batch.Count];
        var valid = new List<(int Index, Interaction Event)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var errors = new FieldErrors();
            if (reader.Read(batch[i], errors) is { } interaction)
            {
                valid.Add((i, interaction with { Source = consumer.Source }));
            }
            else
            {
                ingestMetrics.Outcome(IngestStatus.Rejected, null);
                verdicts[i] = new Verdict(Reason(errors.ToDictionary()), Hold: false);
            }
        }

        var outcomes = valid.Count == 0 ? [] : await ingestor.IngestAsync([.. valid.Select(v => v.Event)]);
        for (var j = 0; j < valid.Count; j++)
        {
            var outcome = outcomes[j];
            verdicts[valid[j].Index] = outcome.Status switch
            {
                IngestStatus.Accepted or IngestStatus.Duplicate or IngestStatus.Parked => new Verdict(null, Hold: false),
                IngestStatus.Unavailable => new Verdict(null, Hold: true),
                IngestStatus.Conflict => new Verdict($"{outcome.Field ?? "body"}: {outcome.Reason ?? "belongs to another customer"}", Hold: false),
                _ => new Verdict($"{outcome.Field ?? "body"}: {outcome.Reason ?? "is invalid"}", Hold: false),
            };
        }

        return verdicts;
    }

    private static string Reason(Dictionary<string, string[]> errors) =>
        string.Join("; ", errors.SelectMany(e => e.Value.Select(message => $"{(e.Key.Length == 0 ? "body" : e.Key)}: {message}")));

    /// <summary>What becomes of one message: acknowledged, dead-lettered with a reason, or held.</summary>
    private readonly record struct Verdict(string? DeadLetter, bool Hold);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Debug, Message = "A message of connector '{Connector}' (message id {MessageId}) was dead-lettered: {Reason}")]
    private partial void LogDeadLettered(string connector, string? messageId, string reason);

    [LoggerMessage(EventId = 3112, Level = LogLevel.Warning, Message = "Messages of connector '{Connector}' could not be settled; the broker delivers them again")]
    private partial void LogSettleFailed(Exception exception, string connector);
}
