using System.Text.Json;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Api.Infrastructure.Json;
using HealthGrid.Domain.Ingest;

namespace HealthGrid.Api.Ingest;

/// <summary>
/// Reads a batch body: the events that may be ingested and, for each one that may not, its result
/// naming the fields at fault. The whole batch is read in one typed pass (one reader, no document);
/// only a batch that pass refuses is read again element by element, so that one bad event is refused
/// alone and the others go ahead.
/// </summary>
public sealed class EventBatchReader(EventValidator validator, JsonSerializerOptions json, int maxBatchSize)
{
    /// <summary>What the batch holds: a result for each event (null where the event is valid and waits for its outcome) and the valid ones.</summary>
    public sealed record Batch(EventResult?[] Results, List<(int Index, Interaction Event)> Valid);

    /// <summary>The batch, or the errors that refuse it as a whole (not JSON, not a list of events, too many).</summary>
    public (Batch? Batch, FieldErrors? Errors) Read(ReadOnlyMemory<byte> body)
    {
        if (Typed(body) is { } batch)
        {
            return (batch, null);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            var errors = new FieldErrors();
            errors.Add("body", "is not valid JSON");
            return (null, errors);
        }

        using (document)
        {
            return Shape(document.RootElement) is { } shapeErrors ? (null, shapeErrors) : (ByElement(document.RootElement.GetProperty("events")), null);
        }
    }

    private Batch? Typed(ReadOnlyMemory<byte> body)
    {
        EventBatchRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<EventBatchRequest>(body.Span, json);
        }
        catch (JsonException)
        {
            return null;
        }

        if (request is not { Unknown: null, Events: { Count: > 0 } events } || events.Count > maxBatchSize || events.Contains(null!))
        {
            return null;
        }

        var batch = new Batch(new EventResult?[events.Count], new List<(int, Interaction)>(events.Count));
        for (var i = 0; i < events.Count; i++)
        {
            var errors = new FieldErrors();
            if (validator.Validate(events[i], errors) is { } interaction)
            {
                batch.Valid.Add((i, interaction));
            }
            else
            {
                batch.Results[i] = new EventResult(i, events[i].EventId, IngestStatus.Rejected, errors.ToDictionary());
            }
        }

        return batch;
    }

    private FieldErrors? Shape(JsonElement root)
    {
        var errors = new FieldErrors();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "must be an object: {\"events\": [...]}");
            return errors;
        }

        foreach (var property in root.EnumerateObject().Where(p => p.Name != "events"))
        {
            errors.Add(property.Name, "is not a known field");
        }

        if (!root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            errors.Add("events", "is required and must be an array");
        }
        else if (events.GetArrayLength() == 0)
        {
            errors.Add("events", "must contain at least one event");
        }
        else if (events.GetArrayLength() > maxBatchSize)
        {
            errors.Add("events", $"must contain at most {maxBatchSize} events");
        }

        return errors.IsEmpty ? null : errors;
    }

    private Batch ByElement(JsonElement items)
    {
        var batch = new Batch(new EventResult?[items.GetArrayLength()], new List<(int, Interaction)>(items.GetArrayLength()));
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var errors = new FieldErrors();
            try
            {
                if (item.Deserialize<EventRequest>(json) is { } request && validator.Validate(request, errors) is { } interaction)
                {
                    batch.Valid.Add((index, interaction));
                }
            }
            catch (JsonException ex)
            {
                var (field, reason) = JsonErrors.Describe(ex);
                errors.Add(field, reason);
            }

            if (batch.Valid.Count == 0 || batch.Valid[^1].Index != index)
            {
                if (errors.IsEmpty)
                {
                    errors.Add("body", "must be an event object");
                }

                var eventId = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("eventId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                batch.Results[index] = new EventResult(index, eventId, IngestStatus.Rejected, errors.ToDictionary());
            }

            index++;
        }

        return batch;
    }
}
