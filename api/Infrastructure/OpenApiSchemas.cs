using System.Text.Json.Nodes;
using HealthGrid.Api.Infrastructure.Json;
using HealthGrid.Api.Ingest;
using HealthGrid.Domain.Wire;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HealthGrid.Api.Infrastructure;

/// <summary>
/// Describes in the OpenAPI document what our own JSON converters read and write, which the schema
/// generator cannot see through: enums as their snake_case names (the kinds a client may post, for an
/// event's kind), times as ISO 8601 date-times, and request bodies that refuse fields they do not know.
/// </summary>
public static class OpenApiSchemas
{
    public static OpenApiOptions DescribeWireTypes(this OpenApiOptions options) => options.AddSchemaTransformer((schema, context, _) =>
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Named<>))
        {
            // On the wire a named value is the enum's name; how it is read is no concern of the client.
            type = type.GetGenericArguments()[0];
            schema.Description = null;
        }

        if (type.IsEnum)
        {
            var names = context.JsonPropertyInfo is { Name: "kind" } property && property.DeclaringType == typeof(EventRequest) ? EventValidator.PublicKindNames : NamesOf(type);
            schema.Type = JsonSchemaType.String;
            schema.Enum = [.. names.Select(n => (JsonNode)JsonValue.Create(n))];
        }
        else if (type == typeof(DateTimeOffset))
        {
            schema.Type = JsonSchemaType.String;
            schema.Format = "date-time";
        }
        else if (context.JsonTypeInfo.Properties.Any(p => p.IsExtensionData))
        {
            // The extension data only collects the fields to refuse by name.
            schema.AdditionalPropertiesAllowed = false;
            schema.AdditionalProperties = null;
            schema.Properties?.Remove("unknown");
        }

        return Task.CompletedTask;
    });

    private static IReadOnlyList<string> NamesOf(Type enumType) =>
        (IReadOnlyList<string>)typeof(EnumNames<>).MakeGenericType(enumType).GetProperty(nameof(EnumNames<>.All))!.GetValue(null)!;
}
