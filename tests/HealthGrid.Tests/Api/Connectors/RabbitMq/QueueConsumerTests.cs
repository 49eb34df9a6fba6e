using System.Text;
using HealthGrid.Api.Connectors.RabbitMq;
using HealthGrid.Tests.Infrastructure;
using HealthGrid.Tests.Postgres;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Api.Connectors.RabbitMq;

/// <summary>
/// An embedded silo consuming a queue of a real broker: events of our contract and structured
/// CloudEvents are applied once each (a repeated message is a duplicate) and acknowledged, and messages
/// that cannot become events go to the dead-letter queue with the reason, without holding up the rest.
/// </summary>
[Collection(QueueCollection.Name)]
public sealed class QueueConsumerTests(RabbitMqServer broker)
{
    [Fact]
    public async Task Events_and_cloud_events_are_applied_once_and_malformed_messages_are_dead_lettered_with_their_reason()
    {
        var queue = NewId("events");
        await broker.DeclareAsync(queue);
        await using var silo = await InProcessSilo.StartAsync(broker.ConnectorArgs("orders", queue, prefetch: 20));
        var customer = await CreateCustomerAsync(silo.Http, await CreateAccountAsync(silo.Http));

        var surveys = Enumerable.Range(0, 60).Select(i => Survey(customer, "csat", 1 + (i % 5), DateTimeOffset.UtcNow.AddMinutes(-i))).ToList();
        var cloudEvent = CloudEvent(customer, id: NewId("ce"));
        List<QueueTestMessage> messages =
        [
            .. surveys.Take(30).Select(QueueTestMessage.Json),
            new(Encoding.UTF8.GetBytes("{ not json"), MessageId: "bad-json"),
            QueueTestMessage.Json(Without(surveys[30], "occurredAt")) with { MessageId = "no-time" },
            new(Encoding.UTF8.GetBytes("<event/>"), "application/xml", "xml"),
            new(JsonBytes(CloudEvent(customer, id: null)), "application/cloudevents+json", "ce-no-id"),
            new(JsonBytes(cloudEvent), "application/cloudevents+json"),
            new(JsonBytes(cloudEvent), "application/cloudevents+json"),
            .. surveys.Skip(31).Select(QueueTestMessage.Json),
            QueueTestMessage.Json(surveys[0]),
        ];
        await broker.PublishAsync(queue, messages);

        await Eventually.Until(() => broker.CountsAsync(queue), c => c == (0, 0), TimeSpan.FromSeconds(60), "the queue consumed and acknowledged");
        var dead = await Eventually.Until(() => broker.CountsAsync(queue + ".dead-letter"), c => c.Ready == 4, TimeSpan.FromSeconds(30), "four dead letters");
        var reasons = (await broker.TakeAllAsync(queue + ".dead-letter")).ToDictionary(
            m => m.BasicProperties.MessageId!,
            m => Encoding.UTF8.GetString((byte[])m.BasicProperties.Headers![QueueConsumer.ErrorHeader]!));
        Assert.StartsWith("body: ", reasons["bad-json"]);
        Assert.StartsWith("occurredAt: ", reasons["no-time"]);
        Assert.StartsWith("content_type: 'application/xml' is not taken", reasons["xml"]);
        Assert.StartsWith("id: ", reasons["ce-no-id"]);

        // Every event once: 59 surveys (one of the 60 was refused) and the CloudEvent, whose repeat and the survey's repeat were duplicates.
        var applied = await Eventually.Until(() => KillTests.AllChangesAsync(silo.Http, customer), h => h.Count >= 60, TimeSpan.FromSeconds(30), "the score history");
        string[] expected = [.. surveys.Where((_, i) => i != 30).Select(s => (string)s["eventId"]!), CloudEventIdOf(cloudEvent)];
        Assert.Equal(expected.Order(), applied.Select(c => c.EventId).Order());
    }

    [Fact]
    public async Task A_connector_added_to_the_configuration_starts_consuming_without_a_restart_and_its_password_is_never_shown()
    {
        var queue = NewId("late");
        await broker.DeclareAsync(queue);
        await using var silo = await InProcessSilo.StartAsync();
        var customer = await CreateCustomerAsync(silo.Http, await CreateAccountAsync(silo.Http));
        var survey = Survey(customer, "nps", 9);
        await broker.PublishAsync(queue, [QueueTestMessage.Json(survey)]);

        using var response = await silo.Http.PutJsonAsync("/api/v1/config/connectors", new
        {
            document = new { zendesk = Array.Empty<object>(), rabbitMq = new[] { new { id = "late", uri = broker.Uri, userName = "guest", password = "guest", queue } } },
            reason = "Consume the orders queue",
        });
        response.EnsureSuccessStatusCode();

        var applied = await Eventually.Until(() => KillTests.AllChangesAsync(silo.Http, customer), h => h.Count == 1, TimeSpan.FromSeconds(30), "the queued survey applied");
        Assert.Equal(survey["eventId"], applied.Single().EventId);
        Assert.Equal((0, 0), await Eventually.Until(() => broker.CountsAsync(queue), c => c == (0, 0), what: "the message acknowledged"));

        // The broker's password is write-only.
        var document = await silo.Http.GetStringAsync("/api/v1/config/connectors");
        Assert.Contains("\"userName\":\"guest\"", document, StringComparison.Ordinal);
        Assert.DoesNotContain("\"password\":\"guest\"", document, StringComparison.Ordinal);
    }

    private static Dictionary<string, object?> CloudEvent(string customer, string? id)
    {
        var cloudEvent = new Dictionary<string, object?>
        {
            ["specversion"] = "1.0",
            ["source"] = "https://crm.example.com/surveys",
            ["type"] = "io.healthgrid.survey",
            ["subject"] = customer,
            ["time"] = At(DateTimeOffset.UtcNow.AddMinutes(-90)),
            ["datacontenttype"] = "application/json",
            ["data"] = new { channel = "survey", survey = new { type = "nps", score = 4 } },
        };
        if (id is not null)
        {
            cloudEvent["id"] = id;
        }

        return cloudEvent;
    }

    private static string CloudEventIdOf(Dictionary<string, object?> cloudEvent) =>
        HealthGrid.Api.Ingest.CloudEvents.CloudEventMapping.EventIdOf(new Uri((string)cloudEvent["source"]!), (string)cloudEvent["id"]!);

    private static Dictionary<string, object?> Without(Dictionary<string, object?> e, string field) =>
        e.Where(p => p.Key != field).ToDictionary(p => p.Key, p => p.Value);

    private static byte[] JsonBytes(object value) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value, InProcessSilo.Json);
}
