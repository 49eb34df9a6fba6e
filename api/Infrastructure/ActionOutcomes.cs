using HealthGrid.Domain.Ingest;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HealthGrid.Api.Infrastructure;

/// <summary>How an action on a case or an alert answers: 200 with the object, 409 when it does not apply now, 503 when it could not be made durable.</summary>
public static class ActionOutcomes
{
    public static Results<Ok<T>, NotFound, ValidationProblem, Conflict<ProblemDetails>, ProblemHttpResult> From<T>(HttpContext context, IngestStatus status, T? value, string? error) => status switch
    {
        IngestStatus.Accepted => TypedResults.Ok(value!),
        IngestStatus.Unavailable => Problems.Unavailable(context, error!),
        _ => Problems.Conflict(error!),
    };
}
