using System.Text.Json;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Api.Infrastructure.Json;
using HealthGrid.Api.Ingest;
using HealthGrid.Api.Ingest.CloudEvents;
using HealthGrid.Domain.Ingest;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace HealthGrid.Api.Connectors.RabbitMq;

/// <summary>
/// A message's body as one event: a structured CloudEvent (<c>application/cloudevents+json</c>) or one
/// event of our contract (<c>application/json</c>, or no content type), validated exactly as the HTTP
/// routes validate them, with the same field names in its errors.
/// </summary>
public sealed class QueueMessageReader(EventValidator validator, CloudEventMapping cloudEvents, IOptions<JsonOptions> json)
{
    public Interaction? Read(QueueMessage message, FieldErrors errors)
    {
        if (message.Body.Length > BodyLimits.Small)
        {
            errors.Add("body", $"is larger than {BodyLimits.Small} bytes, the limit for one event");
            return null;
        }

        var type = message.ContentType?.Split(';')[0].Trim();
        if (string.Equals(type, CloudEventMapping.StructuredContentType, StringComparison.OrdinalIgnoreCase))
        {
            return JsonBody.Parse(message.Body, errors) is { } cloudEvent ? cloudEvents.FromStructured(cloudEvent, errors) : null;
        }

        if (type is not (null or "" or "application/json"))
        {
            errors.Add("content_type", $"'{type}' is not taken: one event of the contract (application/json) or a structured CloudEvent ({CloudEventMapping.StructuredContentType})");
            return null;
        }

        EventRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<EventRequest>(message.Body, json.Value.SerializerOptions);
        }
        catch (JsonException ex)
        {
            var (field, reason) = JsonErrors.Describe(ex);
            errors.Add(field, reason);
            return null;
        }

        if (request is null)
        {
            errors.Add("body", "is required");
            return null;
        }

        return validator.Validate(request, errors);
    }
}
