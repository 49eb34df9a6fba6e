namespace HealthGrid.Domain.Connectors;

/// <summary>
/// The systems HealthGrid takes events from; bound from <c>HealthGrid:Connectors</c> and held in the
/// configuration store as the <c>connectors</c> area. Their secrets are write-only.
/// </summary>
public sealed class ConnectorOptions
{
    public const string Section = "HealthGrid:Connectors";

    /// <summary>Zendesk instances whose webhooks post to <c>/api/v1/connectors/zendesk/{id}</c>.</summary>
    public List<ZendeskConnectorSettings> Zendesk { get; set; } = [];

    /// <summary>Zammad instances whose webhooks post to <c>/api/v1/connectors/zammad/{id}</c>.</summary>
    public List<ZammadConnectorSettings> Zammad { get; set; } = [];

    /// <summary>RabbitMQ queues consumed by every silo.</summary>
    public List<RabbitMqConnectorSettings> RabbitMq { get; set; } = [];

    /// <summary>What is expected of each source of events (any ingest client, connector or queue): its cadence and lag.</summary>
    public List<Sources.SourceExpectation> Sources { get; set; } = [];
}
