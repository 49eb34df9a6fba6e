namespace HealthGrid.Domain.Configuration;

/// <summary>
/// One version of a configuration area's document, as the store keeps it: the whole document (the
/// area's options in their JSON form), who made it, when, why, and what changed against the version
/// before (an RFC 6902 JSON Patch). Versions of an area count up from 1 without gaps.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ConfigurationVersion")]
public sealed record ConfigurationVersion
{
    /// <summary>Who wrote the first version of an area that came from the configuration file.</summary>
    public const string FileAuthor = "healthgrid.json";

    [Id(0)] public required string Area { get; init; }

    [Id(1)] public required long Version { get; init; }

    /// <summary>The document, canonical JSON (every setting written out, defaults included).</summary>
    [Id(2)] public required string Document { get; init; }

    [Id(3)] public required string Author { get; init; }

    [Id(4)] public required DateTimeOffset At { get; init; }

    [Id(5)] public string? Reason { get; init; }

    /// <summary>The change against the previous version as JSON Patch operations; "[]" for the first.</summary>
    [Id(6)] public string Diff { get; init; } = "[]";

    /// <summary>Set when this version restores an earlier one's document (a rollback).</summary>
    [Id(7)] public long? RestoredFrom { get; init; }
}
