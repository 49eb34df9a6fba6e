namespace HealthGrid.Api.Connectors.RabbitMq;

/// <summary>
/// One delivery, copied out of the client's buffer (which is only lent for the length of the delivery
/// callback): its body and the properties a dead-lettered copy keeps. Its consumer's pipeline settles it.
/// </summary>
public sealed record QueueMessage(
    ulong DeliveryTag,
    byte[] Body,
    string? ContentType,
    string? MessageId,
    IReadOnlyDictionary<string, object?>? Headers);
