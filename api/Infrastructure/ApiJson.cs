using System.Text.Json;
using System.Text.Json.Serialization;

namespace HealthGrid.Api.Infrastructure;

/// <summary>The API's JSON conventions: camelCase, snake_case enum values, no nulls written, unknown input fields refused.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
    }

    /// <summary>"$.survey.score" → "survey.score"; "$" → "body".</summary>
    public static string FieldOf(JsonException exception) =>
        exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..]
        : exception.Path is { Length: > 1 } rooted && rooted.StartsWith('$') ? rooted[1..]
        : "body";

    /// <summary>A short reason without STJ's internal type names.</summary>
    public static string ReasonOf(JsonException exception) =>
        exception.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "is not a known field"
        : exception.Message.Contains("could not be converted", StringComparison.Ordinal) ? "has the wrong type"
        : "is not valid JSON";
}
