using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HealthGrid.Domain.Configuration;

/// <summary>
/// The write-only settings of a configuration document (<see cref="SecretAttribute"/>): hidden from
/// every read, kept when a write leaves them out or sends the placeholder a read showed, and turned
/// into ciphertext and back at the store. A secret list shows one numbered placeholder per entry
/// ("(secret #2)"), so a rotation can keep the new signing secret and drop the old. Objects in lists
/// are matched to their previous version by <c>id</c> when they have one, so reordering keeps secrets.
/// </summary>
public static class DocumentSecrets
{
    private const string NumberedPrefix = "(secret #";

    /// <summary>Whether the options class has a secret anywhere.</summary>
    public static bool Any(Type type) => Secrets(type, []).Any();

    /// <summary>The document with every secret that is set replaced by its placeholder.</summary>
    public static string Redact(string document, Type type) => Rewrite(document, type, null, (value, _, index) => index is { } i ? $"{NumberedPrefix}{i + 1})" : SecretAttribute.Redacted, null);

    /// <summary>Every secret that is set, passed through <paramref name="map"/> (encrypt, decrypt).</summary>
    public static string Map(string document, Type type, Func<string, string> map) => Rewrite(document, type, null, (value, _, _) => map(value), null);

    /// <summary>
    /// The incoming document with secrets it left out or sent back as placeholders taken from
    /// <paramref name="previous"/>; a placeholder with nothing to keep is an error at its path.
    /// </summary>
    public static string Keep(string incoming, string? previous, Type type, OptionErrors errors)
    {
        try
        {
            return Rewrite(incoming, type, previous is null ? null : JsonNode.Parse(previous), null, errors);
        }
        catch (JsonException)
        {
            // Not JSON: reading the document says so, at its position.
            return incoming;
        }
    }

    private static string Rewrite(string document, Type type, JsonNode? previous, Func<string, JsonNode?, int?, string>? map, OptionErrors? errors)
    {
        if (JsonNode.Parse(document) is not JsonObject root || !Any(type))
        {
            return document;
        }

        new Walk(map, errors).Object(root, previous as JsonObject, type, "");
        return root.ToJsonString(ConfigurationJson.Options);
    }

    private static IEnumerable<PropertyInfo> Secrets(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            yield break;
        }

        foreach (var property in Settable(type))
        {
            if (property.GetCustomAttribute<SecretAttribute>() is not null)
            {
                yield return property;
            }
            else if (Nested(property.PropertyType) is { } nested)
            {
                foreach (var inner in Secrets(nested, seen))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<PropertyInfo> Settable(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite);

    private static Type? ListItem(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;

    private static bool IsSettings(Type type) => type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("HealthGrid.", StringComparison.Ordinal) == true;

    /// <summary>The settings class a property holds, directly or as list items.</summary>
    private static Type? Nested(Type type) => IsSettings(type) ? type : ListItem(type) is { } item && IsSettings(item) ? item : null;

    private static string Name(PropertyInfo property) => JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private sealed class Walk(Func<string, JsonNode?, int?, string>? map, OptionErrors? errors)
    {
        public void Object(JsonObject node, JsonObject? previous, Type type, string path)
        {
            foreach (var property in Settable(type))
            {
                var name = Name(property);
                var at = path.Length == 0 ? name : $"{path}.{name}";
                if (property.GetCustomAttribute<SecretAttribute>() is not null)
                {
                    Secret(node, previous, name, at, ListItem(property.PropertyType) is not null);
                }
                else if (IsSettings(property.PropertyType) && node[name] is JsonObject inner)
                {
                    Object(inner, previous?[name] as JsonObject, property.PropertyType, at);
                }
                else if (ListItem(property.PropertyType) is { } item && IsSettings(item) && node[name] is JsonArray items && Any(item))
                {
                    List(items, previous?[name] as JsonArray, item, at);
                }
            }
        }

        private void List(JsonArray items, JsonArray? previous, Type item, string path)
        {
            var byId = item.GetProperty("Id") is not null;
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is not JsonObject entry)
                {
                    continue;
                }

                var earlier = byId
                    ? previous?.OfType<JsonObject>().FirstOrDefault(p => p["id"]?.ToString() == entry["id"]?.ToString())
                    : previous is not null && i < previous.Count ? previous[i] as JsonObject : null;
                Object(entry, earlier, item, $"{path}[{i}]");
            }
        }

        private void Secret(JsonObject node, JsonObject? previous, string name, string at, bool list)
        {
            if (map is not null)
            {
                Map(node, name, list);
            }
            else
            {
                Keep(node, previous, name, at, list);
            }
        }

        private void Map(JsonObject node, string name, bool list)
        {
            if (list && node[name] is JsonArray values)
            {
                for (var i = 0; i < values.Count; i++)
                {
                    if (values[i] is JsonValue item && item.TryGetValue<string>(out var value) && value.Length > 0)
                    {
                        values[i] = map!(value, values[i], i);
                    }
                }
            }
            else if (!list && node[name] is JsonValue scalar && scalar.TryGetValue<string>(out var text) && text.Length > 0)
            {
                node[name] = map!(text, scalar, null);
            }
        }

        private void Keep(JsonObject node, JsonObject? previous, string name, string at, bool list)
        {
            var earlier = previous?[name];
            if (!node.ContainsKey(name))
            {
                if (earlier is not null)
                {
                    node[name] = earlier.DeepClone();
                }

                return;
            }

            if (!list)
            {
                if (node[name] is JsonValue value && value.TryGetValue<string>(out var text) && text == SecretAttribute.Redacted)
                {
                    Restore(node, name, earlier, at);
                }

                return;
            }

            if (node[name] is not JsonArray values)
            {
                return;
            }

            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] is JsonValue item && item.TryGetValue<string>(out var text) && Numbered(text) is { } n)
                {
                    var kept = earlier is JsonArray old && n >= 1 && n <= old.Count ? old[n - 1] : null;
                    if (kept is null)
                    {
                        errors!.Add($"{at}[{i}]", $"refers to secret #{n}, which is not set.");
                    }
                    else
                    {
                        values[i] = kept.DeepClone();
                    }
                }
            }
        }

        private void Restore(JsonObject node, string name, JsonNode? earlier, string at)
        {
            if (earlier is null)
            {
                errors!.Add(at, "keeps a secret that is not set.");
            }
            else
            {
                node[name] = earlier.DeepClone();
            }
        }

        private static int? Numbered(string text) =>
            text.StartsWith(NumberedPrefix, StringComparison.Ordinal) && text.EndsWith(')')
            && int.TryParse(text.AsSpan(NumberedPrefix.Length, text.Length - NumberedPrefix.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : null;
    }
}
