using JsonDiffPatchDotNet;
using JsonDiffPatchDotNet.Formatters.JsonPatch;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HealthGrid.Grains.Configuration;

/// <summary>What changed between two versions of a document, as RFC 6902 JSON Patch operations ("[]" when nothing did).</summary>
public static class ConfigurationDiff
{
    public static string Between(string before, string after)
    {
        var delta = new JsonDiffPatch().Diff(Read(before), Read(after));
        if (delta is null)
        {
            return "[]";
        }

        var operations = new JArray();
        foreach (var operation in new JsonDeltaFormatter().Format(delta))
        {
            var written = new JObject { ["op"] = operation.Op, ["path"] = operation.Path };
            if (operation.From is not null)
            {
                written["from"] = operation.From;
            }

            if (operation.Op is "add" or "replace")
            {
                written["value"] = operation.Value is JToken value ? value : JToken.FromObject(operation.Value ?? JValue.CreateNull());
            }

            operations.Add(written);
        }

        return operations.ToString(Formatting.None);
    }

    /// <summary>Dates stay the strings they are (Json.NET would turn a holiday into a DateTime and write it back differently).</summary>
    private static JToken Read(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }
}
