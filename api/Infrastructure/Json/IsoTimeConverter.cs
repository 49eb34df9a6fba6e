using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using HealthGrid.Domain.Wire;

namespace HealthGrid.Api.Infrastructure.Json;

/// <summary>
/// Times as ISO 8601 strings, read as UTC when they carry no offset (System.Text.Json would take the
/// server's zone), written as System.Text.Json writes them. Control characters are refused: the
/// framework's parser ignores a trailing NUL, which would let "…Z\u0000" through as a time.
/// </summary>
public sealed class IsoTimeConverter : JsonConverter<DateTimeOffset>
{
    public const string Expected = "must be an ISO 8601 date and time, e.g. 2026-11-24T10:15:00Z";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[64];
        if (reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length <= buffer.Length)
        {
            var text = buffer[..reader.CopyString(buffer)];
            if (!text.ContainsAnyInRange('\u0000', '\u001f') && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return at.ToUniversalTime();
            }
        }

        throw new JsonFieldException(Expected);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
