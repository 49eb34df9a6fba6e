using System.Text.Json;
using HealthGrid.Api.Auth;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace HealthGrid.Api.Ingest;

/// <summary>The ingest contract: one event, or a batch of up to <see cref="IngestOptions.MaxBatchSize"/> independent events.</summary>
public static class EventEndpoints
{
    public static RouteGroupBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/events").WithTags("Events").RequireAuthorization(AuthPolicies.Ingest).RequireRateLimiting(RateLimits.Ingest);
        group.MapPost("/", PostEventAsync)
            .Accepts<EventRequest>("application/json")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .LimitBody(BodyLimits.Small)
            .WithName("PostEvent")
            .WithSummary("Ingest one interaction")
            .WithDescription("202 once the event is durable and applied (also for a repeated eventId, with status duplicate); 400 naming the field at fault; 503 with Retry-After when it cannot be made durable.");
        group.MapPost("/batch", PostBatchAsync)
            .Accepts<EventBatchRequest>("application/json")
            .Produces<BatchResult>(StatusCodes.Status503ServiceUnavailable)
            .LimitBody(BodyLimits.Batch)
            .WithName("PostEventBatch")
            .WithSummary("Ingest a batch of independent interactions")
            .WithDescription("Each event gets its own result (accepted, duplicate, rejected with the fields at fault); a bad event never blocks the others. 503 with Retry-After and the results when any event could not be made durable: resend the batch, repeats are acknowledged as duplicates.");
        return group;
    }

    private static async Task<Results<Accepted<EventAcknowledgement>, ValidationProblem, ProblemHttpResult>> PostEventAsync(
        HttpContext context, EventValidator validator, EventIngestor ingestor, IngestMetrics metrics, IOptionsMonitor<IngestOptions> options)
    {
        metrics.Received(1);
        var body = await JsonBody.ReadAsync<EventRequest>(context.Request);
        if (body.Errors is { } parseErrors)
        {
            metrics.Outcome(IngestStatus.Rejected, null);
            return Problems.Invalid(parseErrors);
        }

        var errors = new FieldErrors();
        if (validator.Validate(body.Value!, errors) is not { } interaction)
        {
            metrics.Outcome(IngestStatus.Rejected, EnumNames<InteractionKind>.TryParse(body.Value!.Kind, out var k) ? k : null);
            return Problems.Invalid(errors);
        }

        var outcome = (await ingestor.IngestAsync([interaction]))[0];
        return outcome.Status switch
        {
            IngestStatus.Accepted or IngestStatus.Duplicate => TypedResults.Accepted((string?)null, new EventAcknowledgement(outcome.EventId, outcome.Status)),
            IngestStatus.Rejected => Problems.Invalid(outcome.Field ?? "body", outcome.Reason ?? "is invalid"),
            _ => Unavailable(context, options.CurrentValue, null),
        };
    }

    private static async Task<Results<Ok<BatchResult>, ValidationProblem, ProblemHttpResult>> PostBatchAsync(
        HttpContext context, EventValidator validator, EventIngestor ingestor, IngestMetrics metrics, IOptions<JsonOptions> json, IOptionsMonitor<IngestOptions> options)
    {
        if (!context.Request.HasJsonContentType())
        {
            return Problems.Invalid("body", "must be JSON (Content-Type: application/json)");
        }

        // Buffered once (in a pooled buffer): the typed read below is the fast path; only a batch it
        // refuses is read again, element by element, to name each bad event and field.
        using var body = await RequestBody.ReadAsync(context.Request);
        var (results, valid) = TypedBatch(body.Memory, validator, json.Value.SerializerOptions, options.CurrentValue.MaxBatchSize)
            ?? default;
        if (results is null)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(body.Memory);
            }
            catch (JsonException)
            {
                return Problems.Invalid("body", "is not valid JSON");
            }

            using (document)
            {
                if (BatchEvents(document.RootElement, options.CurrentValue.MaxBatchSize) is { } shapeErrors)
                {
                    return Problems.Invalid(shapeErrors);
                }

                (results, valid) = ElementBatch(document.RootElement.GetProperty("events"), validator, json.Value.SerializerOptions);
            }
        }

        metrics.Received(results.Length);
        for (var i = 0; i < results.Length - valid.Count; i++)
        {
            metrics.Outcome(IngestStatus.Rejected, null);
        }

        var outcomes = await ingestor.IngestAsync([.. valid.Select(v => v.Event)]);
        for (var i = 0; i < valid.Count; i++)
        {
            var outcome = outcomes[i];
            results[valid[i].Index] = new EventResult(valid[i].Index, outcome.EventId, outcome.Status,
                outcome.Status == IngestStatus.Rejected ? new() { [outcome.Field ?? "body"] = [outcome.Reason ?? "is invalid"] } : null);
        }

        var batch = new BatchResult(
            results.Count(r => r.Status == IngestStatus.Accepted),
            results.Count(r => r.Status == IngestStatus.Duplicate),
            results.Count(r => r.Status == IngestStatus.Rejected),
            results.Count(r => r.Status == IngestStatus.Unavailable),
            results);
        return batch.Unavailable > 0 ? Unavailable(context, options.CurrentValue, batch) : TypedResults.Ok(batch);
    }

    /// <summary>
    /// The whole batch read in one typed pass (one reader, no document): null when the body does not
    /// read as a batch of well-formed events, or holds too many or none, so that the element-by-element
    /// path can say exactly what is wrong with which event.
    /// </summary>
    private static (EventResult[] Results, List<(int Index, Interaction Event)> Valid)? TypedBatch(ReadOnlyMemory<byte> body, EventValidator validator, JsonSerializerOptions json, int maxBatchSize)
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

        if (request?.Events is not { Count: > 0 } events || events.Count > maxBatchSize || events.Contains(null!))
        {
            return null;
        }

        var results = new EventResult[events.Count];
        var valid = new List<(int Index, Interaction Event)>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var errors = new FieldErrors();
            if (validator.Validate(events[i], errors) is { } interaction)
            {
                valid.Add((i, interaction));
            }
            else
            {
                results[i] = new EventResult(i, events[i].EventId, IngestStatus.Rejected, errors.ToDictionary());
            }
        }

        return (results, valid);
    }

    private static (EventResult[] Results, List<(int Index, Interaction Event)> Valid) ElementBatch(JsonElement items, EventValidator validator, JsonSerializerOptions json)
    {
        var results = new EventResult[items.GetArrayLength()];
        var valid = new List<(int Index, Interaction Event)>(results.Length);
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            if (ValidateItem(item, index, validator, json, out var result) is { } interaction)
            {
                valid.Add((index, interaction));
            }
            else
            {
                results[index] = result!;
            }

            index++;
        }

        return (results, valid);
    }

    private static FieldErrors? BatchEvents(JsonElement root, int maxBatchSize)
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

    private static Interaction? ValidateItem(JsonElement item, int index, EventValidator validator, JsonSerializerOptions json, out EventResult? rejected)
    {
        var eventId = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("eventId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        var errors = new FieldErrors();
        try
        {
            if (item.Deserialize<EventRequest>(json) is { } request && validator.Validate(request, errors) is { } interaction)
            {
                rejected = null;
                return interaction;
            }
        }
        catch (JsonException ex)
        {
            errors.Add(ApiJson.FieldOf(ex), ApiJson.ReasonOf(ex));
        }

        if (errors.IsEmpty)
        {
            errors.Add("body", "must be an event object");
        }

        rejected = new EventResult(index, eventId, IngestStatus.Rejected, errors.ToDictionary());
        return null;
    }

    private static ProblemHttpResult Unavailable(HttpContext context, IngestOptions options, BatchResult? results)
    {
        context.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var extensions = results is null ? null : new Dictionary<string, object?> { ["results"] = results };
        return TypedResults.Problem(
            title: "The events could not be made durable.",
            detail: "The event store is unavailable. Retry after the indicated delay; repeated event ids are acknowledged once.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            extensions: extensions);
    }
}
