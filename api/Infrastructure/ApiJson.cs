using System.Text.Json;
using System.Text.Json.Serialization;
using HealthGrid.Api.Infrastructure.Json;
using HealthGrid.Domain.Wire;

namespace HealthGrid.Api.Infrastructure;

/// <summary>
/// The API's JSON conventions: camelCase, snake_case enum names (never numbers), ISO 8601 times (UTC
/// when no offset is given), no nulls written, unknown input fields refused (request bodies collect
/// them, <see cref="Validation.IUnknownFields"/>, so that each is named).
/// </summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.Converters.Add(new WireEnumConverter());
        options.Converters.Add(new IsoTimeConverter());
    }
}
