using System.Collections.Frozen;
using System.Text.Json;

namespace HealthGrid.Domain.Wire;

/// <summary>Enum values as they appear on the wire: snake_case ("ticket_opened", "at_risk").</summary>
public static class EnumNames<T>
    where T : struct, Enum
{
    private static readonly FrozenDictionary<T, string> Names =
        Enum.GetValues<T>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

    private static readonly FrozenDictionary<string, T> ByName =
        Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> BySpan = ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every wire name, in order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. ByName.Keys.Order(StringComparer.Ordinal)];

    public static string Allowed { get; } = string.Join(", ", All);

    /// <summary>Looked up, not formatted: metrics and stores ask for names on every event.</summary>
    public static string Name(T value) => Names.TryGetValue(value, out var name) ? name : JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static bool TryParse(string? text, out T value) => ByName.TryGetValue(text ?? "", out value);

    /// <summary>Without a string: request bodies are read from spans.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out T value) => BySpan.TryGetValue(text, out value);
}
