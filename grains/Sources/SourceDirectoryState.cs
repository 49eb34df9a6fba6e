namespace HealthGrid.Grains.Sources;

/// <summary>The source directory's persisted ids.</summary>
[GenerateSerializer, Alias("HealthGrid.SourceDirectoryState")]
public sealed class SourceDirectoryState
{
    [Id(0)] public HashSet<string> Sources { get; set; } = new(StringComparer.Ordinal);
}
