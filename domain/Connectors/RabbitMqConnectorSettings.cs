using System.ComponentModel.DataAnnotations;
using HealthGrid.Domain.Configuration;

namespace HealthGrid.Domain.Connectors;

/// <summary>
/// One RabbitMQ queue HealthGrid consumes: messages carrying one event each, of our contract
/// (<c>application/json</c>) or a structured CloudEvent (<c>application/cloudevents+json</c>). Every silo
/// consumes it (competing consumers); a message is acknowledged only once its event is durable.
/// </summary>
public sealed class RabbitMqConnectorSettings
{
    /// <summary>Names the connector: its source (<c>rabbitmq:{id}</c>) and its metrics' <c>queue</c> tag.</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9-]{0,31}$", ErrorMessage = "must be 1 to 32 lower-case letters, digits and -")]
    public string Id { get; set; } = "";

    public bool Enabled { get; set; } = true;

    /// <summary>The broker: <c>amqp://host:port/vhost</c> (or <c>amqps://</c>), without credentials.</summary>
    [Required, RegularExpression("^amqps?://[^@/\\s]+(:[0-9]+)?(/[^\\s]*)?$", ErrorMessage = "must be amqp://host[:port][/vhost] or amqps://…, without credentials")]
    public string Uri { get; set; } = "";

    [Required, StringLength(128)]
    public string UserName { get; set; } = "";

    [Secret, Required]
    public string Password { get; set; } = "";

    /// <summary>The queue to consume.</summary>
    [Required, StringLength(255)]
    public string Queue { get; set; } = "";

    /// <summary>How many unacknowledged messages the broker hands each consumer at once: with <see cref="Consumers"/>, the bound on work in flight per silo.</summary>
    [Range(1, 5_000)]
    public int Prefetch { get; set; } = 500;

    /// <summary>Consumers of the queue on each silo, each on its own connection and channel, settling its messages while the others parse and ingest theirs.</summary>
    [Range(1, 16)]
    public int Consumers { get; set; } = 4;

    /// <summary>
    /// Where a message that cannot become an event goes, with the reason in its headers, routed by the
    /// queue's name: a direct exchange, declared with a queue <c>{queue}.dead-letter</c> bound to it by
    /// that name when <see cref="DeclareTopology"/> is on.
    /// </summary>
    [Required, StringLength(255)]
    public string DeadLetterExchange { get; set; } = "healthgrid.dead-letter";

    /// <summary>Declares the queue (durable), the dead-letter exchange and its queue if missing; off when the broker's owners declare them.</summary>
    public bool DeclareTopology { get; set; } = true;
}
