using HealthGrid.Api.Auth;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.Ingest;
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
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .LimitBody(BodyLimits.Small)
            .WithName("PostEvent")
            .WithSummary("Ingest one interaction")
            .WithDescription("202 once the event is durable and applied (also for a repeated eventId, with status duplicate); 400 naming the field at fault; 409 naming the field when a case or conversation id belongs to another customer; 503 with Retry-After when it cannot be made durable.");
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
        EventRequest? request, HttpContext context, EventValidator validator, EventIngestor ingestor, IngestMetrics metrics, RetryAfter retryAfter)
    {
        metrics.Received(1);
        var errors = new FieldErrors();
        if (request is null)
        {
            errors.Add("body", "is required");
        }

        if (request is null || validator.Validate(request, errors) is not { } interaction)
        {
            metrics.Outcome(IngestStatus.Rejected, request?.Kind.Value);
            return Problems.Invalid(errors);
        }

        var outcome = (await ingestor.IngestAsync([interaction]))[0];
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

        var results = batch!.Results;
        metrics.Received(results.Length);
        for (var i = 0; i < results.Length - batch.Valid.Count; i++)
        {
            metrics.Outcome(IngestStatus.Rejected, null);
        }

        var outcomes = await ingestor.IngestAsync([.. batch.Valid.Select(v => v.Event)]);
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
