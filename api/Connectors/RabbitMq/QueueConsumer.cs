using System.Text;
using System.Threading.Channels;
using HealthGrid.Domain.Connectors;
using HealthGrid.Domain.Sources;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace HealthGrid.Api.Connectors.RabbitMq;

/// <summary>
/// One configured queue on this silo: a connection, a consuming channel with its prefetch, and a
/// publishing channel with confirms for dead letters. Deliveries are copied into the loop's inbox; the
/// loop settles them here. The client's own recovery is off: a lost connection ends this consumer (its
/// unacknowledged messages go back to the queue, to be delivered again and answered as duplicates) and
/// the loop opens a new one, so a delivery tag is only ever settled on the channel that delivered it.
/// </summary>
public sealed class QueueConsumer : IAsyncDisposable
{
    /// <summary>The reason a message was dead-lettered: <c>field: reason</c>, several joined by <c>; </c>.</summary>
    public const string ErrorHeader = "x-healthgrid-error";

    /// <summary>The connector that dead-lettered it.</summary>
    public const string ConnectorHeader = "x-healthgrid-connector";

    private readonly IConnection connection;
    private readonly IChannel consuming;
    private readonly IChannel publishing;

    private QueueConsumer(RabbitMqConnectorSettings settings, IConnection connection, IChannel consuming, IChannel publishing)
    {
        Settings = settings;
        this.connection = connection;
        this.consuming = consuming;
        this.publishing = publishing;
    }

    public RabbitMqConnectorSettings Settings { get; }

    public string Source => SourceNames.RabbitMq(Settings.Id);

    /// <summary>False once the connection or a channel has closed: the loop replaces this consumer.</summary>
    public bool IsOpen => connection.IsOpen && consuming.IsOpen && publishing.IsOpen;

    /// <summary>Connects, declares what <see cref="RabbitMqConnectorSettings.DeclareTopology"/> asks for, and starts consuming into <paramref name="inbox"/>.</summary>
    public static async Task<QueueConsumer> StartAsync(RabbitMqConnectorSettings settings, ChannelWriter<QueueMessage> inbox, string clientName, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(settings.Uri),
            UserName = settings.UserName,
            Password = settings.Password,
            ClientProvidedName = clientName,
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(10),
        };
        var connection = await factory.CreateConnectionAsync(cancellationToken);
        try
        {
            var consuming = await connection.CreateChannelAsync(cancellationToken: cancellationToken);

            // Confirms awaited by each publish: a dead letter is on the broker before its original is acknowledged.
            var publishing = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
            if (settings.DeclareTopology)
            {
                await DeclareAsync(consuming, settings, cancellationToken);
            }

            await consuming.BasicQosAsync(0, (ushort)settings.Prefetch, global: false, cancellationToken);
            var consumer = new QueueConsumer(settings, connection, consuming, publishing);
            var receiver = new AsyncEventingBasicConsumer(consuming);
            receiver.ReceivedAsync += (_, delivery) => inbox.WriteAsync(Copy(delivery), CancellationToken.None).AsTask();
            await consuming.BasicConsumeAsync(settings.Queue, autoAck: false, consumerTag: clientName, receiver, cancellationToken);
            return consumer;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Acknowledges every delivery up to <paramref name="deliveryTag"/>: the loop settles them in order, so all before it are done.</summary>
    public Task AcknowledgeThroughAsync(ulong deliveryTag) => consuming.BasicAckAsync(deliveryTag, multiple: true).AsTask();

    /// <summary>Acknowledges one delivery, while an earlier one of this channel is still held.</summary>
    public Task AcknowledgeAsync(ulong deliveryTag) => consuming.BasicAckAsync(deliveryTag, multiple: false).AsTask();

    /// <summary>Publishes a copy of <paramref name="message"/> to the dead-letter exchange with the reason, and returns once the broker confirmed it.</summary>
    public async Task DeadLetterAsync(QueueMessage message, string reason)
    {
        var headers = message.Headers?.ToDictionary(h => h.Key, h => h.Value) ?? [];
        headers[ErrorHeader] = reason;
        headers[ConnectorHeader] = Settings.Id;
        var properties = new BasicProperties
        {
            ContentType = message.ContentType,
            MessageId = message.MessageId,
            Headers = headers,
            DeliveryMode = DeliveryModes.Persistent,
        };
        await publishing.BasicPublishAsync(Settings.DeadLetterExchange, Settings.Queue, mandatory: false, properties, message.Body);
    }

    /// <summary>Messages waiting in the queue, not yet delivered to any consumer: the broker's lag.</summary>
    public async Task<uint> WaitingAsync() => await publishing.MessageCountAsync(Settings.Queue);

    public async ValueTask DisposeAsync()
    {
        // Closing returns this channel's unacknowledged deliveries to the queue.
        await connection.DisposeAsync();
    }

    private static async Task DeclareAsync(IChannel channel, RabbitMqConnectorSettings settings, CancellationToken cancellationToken)
    {
        await channel.QueueDeclareAsync(settings.Queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        // Direct, routed by the queue's name: connectors sharing the exchange keep their dead letters apart.
        await channel.ExchangeDeclareAsync(settings.DeadLetterExchange, ExchangeType.Direct, durable: true, cancellationToken: cancellationToken);
        var deadLetters = settings.Queue + ".dead-letter";
        await channel.QueueDeclareAsync(deadLetters, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(deadLetters, settings.DeadLetterExchange, routingKey: settings.Queue, cancellationToken: cancellationToken);
    }

    private static QueueMessage Copy(BasicDeliverEventArgs delivery)
    {
        var properties = delivery.BasicProperties;
        return new QueueMessage(
            delivery.DeliveryTag,
            delivery.Body.ToArray(),
            properties.ContentType,
            properties.MessageId,
            properties.Headers?.ToDictionary(h => h.Key, h => h.Value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : h.Value));
    }
}
