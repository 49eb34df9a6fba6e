namespace HealthGrid.Api.Connectors.RabbitMq;

/// <summary>
/// One delivery, copied out of the client's buffer (which is only lent for the length of the delivery
/// callback): its body and the properties a dead-lettered copy keeps, and the consumer whose channel
/// must settle it.
/// </summary>
public sealed record QueueMessage(
    QueueConsumer Consumer,
    ulong DeliveryTag,
    byte[] Body,
    string? ContentType,
    string? MessageId,
    IReadOnlyDictionary<string, object?>? Headers,
    DateTimeOffset ReceivedAt);
