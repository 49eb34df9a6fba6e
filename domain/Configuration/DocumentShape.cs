using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace HealthGrid.Domain.Configuration;

/// <summary>
/// Checks a configuration document against its options class before it is read, and reports every
/// problem at its path — a field the class does not have, a null where a setting may not be empty, a
/// value of the wrong kind (text for a number, an unknown name for an enum, a badly written time) —
/// where the JSON reader would stop at the first.
/// </summary>
public static class DocumentShape
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static void Check(JsonElement element, Type type, OptionErrors errors) => Check(element, type, "", errors);

    private static void Check(JsonElement element, Type type, string path, OptionErrors errors)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (Kind(element, type) is { } problem)
        {
            errors.Add(path, problem);
        }
        else if (DictionaryOf(type) is { } dictionary)
        {
            foreach (var entry in element.EnumerateObject())
            {
                var at = Join(path, entry.Name);
                if (dictionary.Key.IsEnum && !KnownName(dictionary.Key, entry.Name))
                {
                    errors.Add(at, $"'{entry.Name}' is not one of: {AllowedNames(dictionary.Key)}.");
                }
                else
                {
                    Check(entry.Value, dictionary.Value, at, errors);
                }
            }
        }
        else if (ListItemOf(type) is { } itemType)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                Check(item, itemType, $"{path}[{index++}]", errors);
            }
        }
        else if (IsSettings(type))
        {
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite)
                .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), StringComparer.Ordinal);
            foreach (var member in element.EnumerateObject())
            {
                var at = Join(path, member.Name);
                if (!properties.TryGetValue(member.Name, out var property))
                {
                    errors.Add(at, "is not a setting here.");
                }
                else if (member.Value.ValueKind == JsonValueKind.Null)
                {
                    if (Nullability.Create(property).WriteState != NullabilityState.Nullable)
                    {
                        errors.Add(at, "must not be null.");
                    }
                }
                else
                {
                    Check(member.Value, property.PropertyType, at, errors);
                }
            }
        }
    }

    /// <summary>What is wrong with the kind of value for <paramref name="type"/>, or null.</summary>
    private static string? Kind(JsonElement element, Type type)
    {
        if (type == typeof(string))
        {
            return element.ValueKind == JsonValueKind.String ? null : "must be text.";
        }

        if (type == typeof(bool))
        {
            return element.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "must be true or false.";
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out _) ? null : "must be a whole number.";
        }

        if (type == typeof(double) || type == typeof(decimal))
        {
            return element.ValueKind == JsonValueKind.Number ? null : "must be a number.";
        }

        if (type == typeof(TimeSpan))
        {
            return element.ValueKind == JsonValueKind.String && TimeSpan.TryParseExact(element.GetString(), "c", CultureInfo.InvariantCulture, out _)
                ? null
                : "must be a duration written hh:mm:ss (or d.hh:mm:ss).";
        }

        if (type == typeof(DateOnly))
        {
            return element.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? null
                : "must be a date written yyyy-mm-dd.";
        }

        if (type.IsEnum)
        {
            return element.ValueKind == JsonValueKind.String && KnownName(type, element.GetString()!) ? null : $"must be one of: {AllowedNames(type)}.";
        }

        if (DictionaryOf(type) is not null || IsSettings(type))
        {
            return element.ValueKind == JsonValueKind.Object ? null : "must be an object.";
        }

        return ListItemOf(type) is not null && element.ValueKind != JsonValueKind.Array ? "must be a list." : null;
    }

    private static bool KnownName(Type enumType, string name) =>
        Enum.GetNames(enumType).Any(n => JsonNamingPolicy.SnakeCaseLower.ConvertName(n) == name);

    private static string AllowedNames(Type enumType) => string.Join(", ", Enum.GetNames(enumType).Select(JsonNamingPolicy.SnakeCaseLower.ConvertName));

    private static bool IsSettings(Type type) => type.IsClass && type.Namespace?.StartsWith("HealthGrid.", StringComparison.Ordinal) == true;

    private static (Type Key, Type Value)? DictionaryOf(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) ? (type.GetGenericArguments()[0], type.GetGenericArguments()[1]) : null;

    private static Type? ListItemOf(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
