using HealthGrid.Api.Auth;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Api.Infrastructure.Json;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Sources;
using System.Text.Json;
using HealthGrid.Api.Ingest.CloudEvents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
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
            // One declaration: the route matcher takes the last, and every body here is JSON of our contract or CloudEvents carrying it.
            .Accepts<EventRequest>("application/json", CloudEventMapping.StructuredContentType, CloudEventMapping.BatchContentType)
            .Produces<EventAcknowledgement>(StatusCodes.Status202Accepted)
            .Produces<BatchResult>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .LimitBody(BodyLimits.Batch)
            .WithName("PostEvent")
            .WithSummary("Ingest one interaction, or CloudEvents")
            .WithDescription("application/json: one event of our contract. 202 once the event is durable and applied (also for a repeated eventId, with status duplicate); 400 naming the field at fault; 409 naming the field when a case or conversation id belongs to another customer; 503 with Retry-After when it cannot be made durable. "
                + "CloudEvents 1.0 are taken in structured mode (application/cloudevents+json), batch mode (application/cloudevents-batch+json, answered like PostEventBatch) and binary mode (ce-specversion, ce-id, ce-source, ce-type, ce-subject, ce-time headers with the kind's fields as the JSON body): "
                + "type io.healthgrid.<kind>, subject the customer, time when it happened, data the kind's fields; source + id make the idempotency key; errors are named by the attribute at fault or data.<field>.");
        group.MapPost("/batch", PostBatchAsync)
            .Accepts<EventBatchRequest>("application/json")
            .Produces<BatchResult>(StatusCodes.Status503ServiceUnavailable)
            .LimitBody(BodyLimits.Batch)
            .WithName("PostEventBatch")
            .WithSummary("Ingest a batch of independent interactions")
            .WithDescription("Each event gets its own result (accepted, duplicate, rejected with the fields at fault); a bad event never blocks the others. 503 with Retry-After and the results when any event could not be made durable: resend the batch, repeats are acknowledged as duplicates.");
        return group;
    }

    private static async Task<IResult> PostEventAsync(
        HttpContext context, EventValidator validator, CloudEventMapping cloudEvents, EventIngestor ingestor, IngestMetrics metrics,
        IOptions<JsonOptions> json, IOptionsMonitor<IngestOptions> options, RetryAfter retryAfter)
    {
        var request = context.Request;
        var structured = request.ContentType is { } type && type.StartsWith(CloudEventMapping.StructuredContentType, StringComparison.OrdinalIgnoreCase);
        var batch = IsBatch(request);
        if (!batch && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // The route's limit is a batch's; one event gets a single event's.
            limit.MaxRequestBodySize = BodyLimits.Small;
        }

        using var body = await RequestBody.ReadAsync(request);
        if (batch)
        {
            return await PostCloudEventBatchAsync(body.Memory, context, cloudEvents, ingestor, metrics, options.CurrentValue.MaxBatchSize, retryAfter);
        }

        metrics.Received(1);
        var errors = new FieldErrors();
        var interaction = structured ? ReadStructured(body.Memory, cloudEvents, errors) : ReadEvent(body.Memory, request, validator, cloudEvents, json.Value.SerializerOptions, errors);
        if (interaction is null)
        {
            metrics.Outcome(IngestStatus.Rejected, null);
            return Problems.Invalid(errors);
        }

        return await AnswerAsync(interaction, context, ingestor, retryAfter);
    }

    private static Interaction? ReadStructured(ReadOnlyMemory<byte> body, CloudEventMapping cloudEvents, FieldErrors errors) =>
        JsonBody.Parse(body, errors) is { } element ? cloudEvents.FromStructured(element, errors) : null;

    /// <summary>
    /// A JSON body: one event of our contract, or the data of a binary-mode CloudEvent (the kind's fields).
    /// Read as model binding would, with its errors by field: the route also takes CloudEvents, whose
    /// media types (+json) model binding cannot tell from JSON.
    /// </summary>
    private static Interaction? ReadEvent(ReadOnlyMemory<byte> body, HttpRequest request, EventValidator validator, CloudEventMapping cloudEvents, JsonSerializerOptions json, FieldErrors errors)
    {
        EventRequest? data = null;
        try
        {
            data = body.IsEmpty ? null : JsonSerializer.Deserialize<EventRequest>(body.Span, json);
        }
        catch (JsonException ex)
        {
            var (field, reason) = JsonErrors.Describe(ex);
            errors.Add(field, reason);
            return null;
        }

        if (CloudEventMapping.IsBinary(request))
        {
            return cloudEvents.FromBinary(request, data, errors);
        }

        if (data is null)
        {
            errors.Add("body", "is required");
            return null;
        }

        return validator.Validate(data, errors);
    }

    private static async Task<IResult> PostCloudEventBatchAsync(
        ReadOnlyMemory<byte> body, HttpContext context, CloudEventMapping cloudEvents, EventIngestor ingestor, IngestMetrics metrics, int maxBatchSize, RetryAfter retryAfter)
    {
        var errors = new FieldErrors();
        if (JsonBody.Parse(body, errors) is not { } root)
        {
            return Problems.Invalid(errors);
        }

        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() is 0 || root.GetArrayLength() > maxBatchSize)
        {
            return Problems.Invalid("body", $"must be a JSON array of 1 to {maxBatchSize} CloudEvents");
        }

        var batch = new EventBatchReader.Batch(new EventResult?[root.GetArrayLength()], []);
        var index = 0;
        foreach (var element in root.EnumerateArray())
        {
            var found = new FieldErrors();
            if (cloudEvents.FromStructured(element, found) is { } interaction)
            {
                batch.Valid.Add((index, interaction));
            }
            else
            {
                batch.Results[index] = new EventResult(index, null, IngestStatus.Rejected, found.ToDictionary());
            }

            index++;
        }

        return await AnswerBatchAsync(batch, context, ingestor, metrics, retryAfter);
    }

    /// <summary>The ingest client, by its token's subject: the source whose freshness its events count for.</summary>
    private static string SourceOf(HttpContext context) => SourceNames.Api(context.User.FindFirst(HealthGridClaims.Subject)?.Value ?? "unknown");

    private static bool IsBatch(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith(CloudEventMapping.BatchContentType, StringComparison.OrdinalIgnoreCase);

    /// <summary>One event's answer: 202 once durable and applied (or a duplicate), 400/409 at its field, 503 when it could not be made durable.</summary>
    private static async Task<Results<Accepted<EventAcknowledgement>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        Interaction interaction, HttpContext context, EventIngestor ingestor, RetryAfter retryAfter)
    {
        var outcome = (await ingestor.IngestAsync([interaction with { Source = SourceOf(context) }]))[0];
        return outcome.Status switch
        {
            IngestStatus.Accepted or IngestStatus.Duplicate => TypedResults.Accepted((string?)null, new EventAcknowledgement(outcome.EventId, outcome.Status)),
            IngestStatus.Rejected => Problems.Invalid(outcome.Field ?? "body", outcome.Reason ?? "is invalid"),
            IngestStatus.Conflict => Problems.AtField(StatusCodes.Status409Conflict, "An id in the event belongs to another customer.", outcome.Field ?? "body", outcome.Reason ?? "is taken"),
            _ => Unavailable(context, retryAfter, null),
        };
    }

    private static async Task<Results<Ok<BatchResult>, ValidationProblem, ProblemHttpResult>> PostBatchAsync(
        HttpContext context, EventValidator validator, EventIngestor ingestor, IngestMetrics metrics, IOptions<JsonOptions> json, IOptionsMonitor<IngestOptions> options, RetryAfter retryAfter)
    {
        if (!context.Request.HasJsonContentType())
        {
            return Problems.Invalid("body", "must be JSON (Content-Type: application/json)");
        }

        using var body = await RequestBody.ReadAsync(context.Request);
        var (batch, refused) = new EventBatchReader(validator, json.Value.SerializerOptions, options.CurrentValue.MaxBatchSize).Read(body.Memory);
        if (refused is not null)
        {
            return Problems.Invalid(refused);
        }

        return await AnswerBatchAsync(batch!, context, ingestor, metrics, retryAfter);
    }

    /// <summary>A batch's answer: each event's result, the valid ones ingested together; 503 with the results when any could not be made durable.</summary>
    private static async Task<Results<Ok<BatchResult>, ValidationProblem, ProblemHttpResult>> AnswerBatchAsync(
        EventBatchReader.Batch batch, HttpContext context, EventIngestor ingestor, IngestMetrics metrics, RetryAfter retryAfter)
    {
        var results = batch.Results;
        metrics.Received(results.Length);
        for (var i = 0; i < results.Length - batch.Valid.Count; i++)
        {
            metrics.Outcome(IngestStatus.Rejected, null);
        }

        var source = SourceOf(context);
        var outcomes = await ingestor.IngestAsync([.. batch.Valid.Select(v => v.Event with { Source = source })]);
        for (var i = 0; i < batch.Valid.Count; i++)
        {
            var outcome = outcomes[i];
            results[batch.Valid[i].Index] = new EventResult(batch.Valid[i].Index, outcome.EventId, outcome.Status,
                outcome.Status is IngestStatus.Rejected or IngestStatus.Conflict ? new() { [outcome.Field ?? "body"] = [outcome.Reason ?? "is invalid"] } : null);
        }

        EventResult[] all = [.. results.Select(r => r!)];
        var answer = new BatchResult(
            all.Count(r => r.Status == IngestStatus.Accepted),
            all.Count(r => r.Status == IngestStatus.Duplicate),
            all.Count(r => r.Status == IngestStatus.Rejected),
            all.Count(r => r.Status == IngestStatus.Unavailable),
            all.Count(r => r.Status == IngestStatus.Conflict),
            all);
        return answer.Unavailable > 0 ? Unavailable(context, retryAfter, answer) : TypedResults.Ok(answer);
    }

    private static ProblemHttpResult Unavailable(HttpContext context, RetryAfter retryAfter, BatchResult? results)
    {
        retryAfter.Set(context.Response);
        var extensions = results is null ? null : new Dictionary<string, object?> { ["results"] = results };
        return TypedResults.Problem(
            title: "The events could not be made durable.",
            detail: "The event store is unavailable. Retry after the indicated delay; repeated event ids are acknowledged once.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            extensions: extensions);
    }
}
