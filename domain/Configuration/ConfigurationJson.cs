using System.Text.Json;
using System.Text.Json.Serialization;
using HealthGrid.Domain.Wire;

namespace HealthGrid.Domain.Configuration;

/// <summary>
/// How configuration documents are written and read: camelCase names and snake_case enums like the
/// rest of the API, times as "hh:mm:ss" (days as "d.hh:mm:ss"), nothing left out, and no field that
/// the options class does not have (a typo is an error, not a silently ignored setting).
/// </summary>
public static class ConfigurationJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new WireEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
