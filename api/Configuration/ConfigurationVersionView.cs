using System.Text.Json;
using HealthGrid.Domain.Configuration;

namespace HealthGrid.Api.Configuration;

/// <summary>A version of an area as the API shows it: the document and the change against the version before as JSON, not strings.</summary>
public sealed record ConfigurationVersionView(
    string Area,
    long Version,
    string Author,
    DateTimeOffset At,
    string? Reason,
    long? RestoredFrom,
    JsonElement Document,
    JsonElement Diff)
{
    public static ConfigurationVersionView Of(ConfigurationVersion version) => new(
        version.Area, version.Version, version.Author, version.At, version.Reason, version.RestoredFrom, Json(version.Document), Json(version.Diff));

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}

/// <summary>A written version, and how many silos had it in force when the write answered.</summary>
public sealed record ConfigurationWritten(ConfigurationVersionView Version, bool Changed, int AppliedOn, int Silos);

/// <summary>One area in the list: its version in force on the silo that answered.</summary>
public sealed record ConfigurationAreaSummary(string Area, long Version, string Author, DateTimeOffset At, string? Reason);

/// <summary>A page of an area's history, newest first.</summary>
public sealed record ConfigurationHistoryPage(ConfigurationVersionView[] Items, long? Next);
