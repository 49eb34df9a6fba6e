using HealthGrid.Api.Auth;
using HealthGrid.Api.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace HealthGrid.Api.Cases;

/// <summary>Reads and checks the body of a case or alert action. The actor is always the signed-in user.</summary>
public static class ActionRequests
{
    private const int MaxNoteLength = 2_000;

    /// <summary>The checked action (an empty body is an action without a note), or the errors that name the field at fault.</summary>
    public static async Task<(ActionRequest? Action, FieldErrors? Errors)> ReadAsync(HttpRequest request, Caller caller)
    {
        if (request.ContentLength == 0)
        {
            return (new ActionRequest(), null);
        }

        var body = await JsonBody.ReadAsync<ActionRequest>(request);
        if (body.Errors is { } parseErrors)
        {
            return (null, parseErrors);
        }

        var errors = new FieldErrors();
        if (body.Value!.By is { } by && by != caller.Subject)
        {
            errors.Add("by", $"must be omitted or be the signed-in user '{caller.Subject}': actions are recorded under the token's subject");
        }

        errors.MaxLength("note", body.Value.Note, MaxNoteLength);
        return errors.IsEmpty ? (body.Value, null) : (null, errors);
    }
}
