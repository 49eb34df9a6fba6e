using System.Text.Json;
using System.Text.Json.Serialization;
using HealthGrid.Domain.Wire;

namespace HealthGrid.Api.Infrastructure.Json;

/// <summary>
/// An enum field of a request body as the client sent it: its value when the name is known, the name
/// itself when it is not. An unknown name is then refused by the body's validator, at its field and
/// with every other error of the body, instead of stopping the JSON reader at the first one.
/// </summary>
[JsonConverter(typeof(NamedConverter))]
public readonly record struct Named<T>(T? Value, string? Unknown)
    where T : struct, Enum
{
    public bool IsAbsent => Value is null && Unknown is null;

    public static implicit operator Named<T>(T value) => new(value, null);
}

/// <summary>Reads and writes <see cref="Named{T}"/> as the plain snake_case name.</summary>
public sealed class NamedConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Named<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class Converter<T> : JsonConverter<Named<T>>
        where T : struct, Enum
    {
        public override bool HandleNull => true;

        public override Named<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return default;
                case JsonTokenType.String:
                    Span<char> name = stackalloc char[64];
                    var known = reader.ValueSpan.Length <= name.Length
                        ? EnumNames<T>.TryParse(name[..reader.CopyString(name)], out var value)
                        : EnumNames<T>.TryParse(reader.GetString(), out value);
                    return known ? new Named<T>(value, null) : new Named<T>(null, reader.GetString());
                default:
                    throw new JsonFieldException($"must be one of: {EnumNames<T>.Allowed}");
            }
        }

        public override void Write(Utf8JsonWriter writer, Named<T> value, JsonSerializerOptions options)
        {
            if (value.Value is { } known)
            {
                writer.WriteStringValue(EnumNames<T>.Name(known));
            }
            else if (value.Unknown is { } unknown)
            {
                writer.WriteStringValue(unknown);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
