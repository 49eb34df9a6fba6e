namespace HealthGrid.Domain.Sources;

/// <summary>The name of every way events come in: the one source id that tracks its freshness.</summary>
public static class SourceNames
{
    /// <summary>An ingest client of the HTTP API, by the subject of its token.</summary>
    public static string Api(string client) => $"api:{client}";

    public static string Zendesk(string connector) => $"zendesk:{connector}";

    public static string Zammad(string connector) => $"zammad:{connector}";

    public static string RabbitMq(string connector) => $"rabbitmq:{connector}";
}
