using System.Text.Json;
using System.Text.Json.Serialization;

namespace HealthGrid.Domain.Wire;

/// <summary>
/// Enums as the API writes and reads them: snake_case names, never numbers. An unknown name is refused
/// with the names that are known, read without allocating a string for the known ones (they are on
/// every event). Also for dictionary keys. Request bodies of the API read enums through their own wrapper instead, to report every error.
/// </summary>
public sealed class WireEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    /// <summary>Reads a name (a value or a property name), or throws the error a client is shown.</summary>
    private static T Read<T>(ref Utf8JsonReader reader)
        where T : struct, Enum
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            throw new JsonFieldException($"must be one of: {EnumNames<T>.Allowed}");
        }

        Span<char> name = stackalloc char[64];
        var parsed = reader.ValueSpan.Length <= name.Length
            ? EnumNames<T>.TryParse(name[..reader.CopyString(name)], out var value)
            : EnumNames<T>.TryParse(reader.GetString(), out value);
        return parsed ? value : throw new JsonFieldException($"'{reader.GetString()}' is not one of: {EnumNames<T>.Allowed}");
    }

    private sealed class Converter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Read<T>(ref reader);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(EnumNames<T>.Name(value));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Read<T>(ref reader);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(EnumNames<T>.Name(value));
    }
}
