using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGrid.Api.Infrastructure;

public static class Problems
{
    public static ValidationProblem Invalid(FieldErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "The request is invalid.");

    public static ValidationProblem Invalid(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return Invalid(errors);
    }

    /// <summary>The action does not apply to the object's current state (e.g. acknowledging a resolved alert).</summary>
    public static Conflict<ProblemDetails> Conflict(string detail) =>
        TypedResults.Conflict(new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "The action does not apply in the current state.", Detail = detail });

    /// <summary>A problem of any status with <c>errors</c> keyed by the field at fault, shaped like a validation problem.</summary>
    public static ProblemHttpResult AtField(int status, string title, string field, string reason) =>
        TypedResults.Problem(title: title, statusCode: status, extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [reason] } });

    /// <summary>The body is not of the media type the route reads: 415 naming what it wants.</summary>
    public static ProblemHttpResult UnsupportedMediaType(string wanted) =>
        AtField(StatusCodes.Status415UnsupportedMediaType, "The request could not be read.", "body", wanted);

    /// <summary>The action could not be made durable: 503 with Retry-After.</summary>
    public static ProblemHttpResult Unavailable(HttpContext context, string detail)
    {
        context.RequestServices.GetRequiredService<RetryAfter>().Set(context.Response);
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "HealthGrid is temporarily unavailable.");
    }
}
