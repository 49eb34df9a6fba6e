using HealthGrid.Api.Auth;
using HealthGrid.Api.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace HealthGrid.Api.Cases;

/// <summary>
/// The acknowledge and resolve actions that cases and alerts share: an optional body (a note; a
/// <c>by</c> only if it is the signed-in user, under whose subject every action is recorded), checked,
/// then carried out by the grain the object belongs to.
/// </summary>
public static class ActionRequests
{
    public delegate Task<Results<Ok<T>, NotFound, ValidationProblem, Conflict<ProblemDetails>, ProblemHttpResult>> Act<T>(
        string id, ActionRequest action, HttpContext context, IGrainFactory grains, Caller caller);

    private const int MaxNoteLength = 2_000;

    /// <summary>Maps <c>POST /{id}/{verb}</c> for the group's objects; <paramref name="act"/> finds the object and acts.</summary>
    public static RouteHandlerBuilder MapAction<T>(this RouteGroupBuilder group, string verb, Act<T> act) =>
        group.MapPost($"/{{id}}/{verb}", async Task<Results<Ok<T>, NotFound, ValidationProblem, Conflict<ProblemDetails>, ProblemHttpResult>> (
                string id, HttpContext context, IGrainFactory grains, Caller caller, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) =>
            {
                var (action, unreadable, notJson) = await OptionalJsonBody.ReadAsync<ActionRequest>(context.Request, json.Value.SerializerOptions);
                if (notJson)
                {
                    return Problems.UnsupportedMediaType("must be JSON (Content-Type: application/json)");
                }

                if (unreadable is not null)
                {
                    return Problems.Invalid(unreadable);
                }

                return Check(action!, caller) is { } errors ? Problems.Invalid(errors) : await act(id, action!, context, grains, caller);
            })
            .Accepts<ActionRequest>(isOptional: true, "application/json")
            .LimitBody(BodyLimits.Small);

    /// <summary>What is wrong with the action's body, or null.</summary>
    private static FieldErrors? Check(ActionRequest action, Caller caller)
    {
        var errors = new FieldErrors();
        foreach (var field in action.Unknown?.Keys ?? Enumerable.Empty<string>())
        {
            errors.Add(field, "is not a known field");
        }

        if (action.By is { } by && by != caller.Subject)
        {
            errors.Add("by", $"must be omitted or be the signed-in user '{caller.Subject}': actions are recorded under the token's subject");
        }

        if (action.Note is { Length: > MaxNoteLength })
        {
            errors.Add("note", $"must be at most {MaxNoteLength} characters");
        }

        return errors.IsEmpty ? null : errors;
    }
}
