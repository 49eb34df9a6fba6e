using System.Text.Json;
using HealthGrid.Domain.Wire;

namespace HealthGrid.Api.Infrastructure.Json;

/// <summary>
/// What a JSON error means for the field a client sent: our converters say it themselves; System.Text.Json's
/// reader failing (the body is not JSON) comes wrapped around the reader's own exception; anything else
/// it throws while reading is a value of the wrong type for its field.
/// </summary>
public static class JsonErrors
{
    public static (string Field, string Reason) Describe(JsonException exception) => (FieldOf(exception), exception switch
    {
        JsonFieldException field => field.Reason,
        { InnerException: JsonException } => "is not valid JSON",
        _ => "has the wrong type",
    });

    /// <summary>"$.survey.score" → "survey.score"; "$" → "body".</summary>
    public static string FieldOf(JsonException exception) =>
        exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..]
        : exception.Path is { Length: > 1 } rooted && rooted.StartsWith('$') ? rooted[1..]
        : "body";
}
