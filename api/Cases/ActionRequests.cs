using HealthGrid.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace HealthGrid.Cases;

/// <summary>Reads and checks the body of a case or alert action.</summary>
public static class ActionRequests
{
    private const int MaxNoteLength = 2_000;

    /// <summary>The checked action, or the errors that name the field at fault.</summary>
    public static async Task<(ActionRequest? Action, FieldErrors? Errors)> ReadAsync(HttpRequest request)
    {
        var body = await JsonBody.ReadAsync<ActionRequest>(request);
        if (body.Errors is { } parseErrors)
        {
            return (null, parseErrors);
        }

        var errors = new FieldErrors();
        Identifiers.Check(errors, "by", body.Value!.By);
        errors.MaxLength("note", body.Value.Note, MaxNoteLength);
        return errors.IsEmpty ? (body.Value, null) : (null, errors);
    }
}
