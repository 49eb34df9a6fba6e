using System.Collections.Frozen;
using System.Text.Json;

namespace HealthGrid.Infrastructure;

/// <summary>Enum values as they appear on the wire: snake_case ("ticket_opened", "at_risk").</summary>
public static class EnumNames<T>
    where T : struct, Enum
{
    private static readonly FrozenDictionary<string, T> ByName =
        Enum.GetValues<T>().ToFrozenDictionary(v => Name(v), v => v, StringComparer.Ordinal);

    public static string Allowed { get; } = string.Join(", ", ByName.Keys.Order(StringComparer.Ordinal));

    public static string Name(T value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static bool TryParse(string? text, out T value) => ByName.TryGetValue(text ?? "", out value);

    /// <summary>Parses a required value, adding an error that lists the allowed values when it is missing or unknown.</summary>
    public static T? Parse(FieldErrors errors, string field, string? text, bool required = true)
    {
        if (text is null)
        {
            if (required)
            {
                errors.Add(field, $"is required; one of: {Allowed}");
            }

            return null;
        }

        if (TryParse(text, out var value))
        {
            return value;
        }

        errors.Add(field, $"'{text}' is not one of: {Allowed}");
        return null;
    }
}
