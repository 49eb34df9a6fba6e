using HealthGrid.Domain.Configuration;

namespace HealthGrid.GrainInterfaces.Configuration;

/// <summary>A preview, or why there is none: the area does not exist, or the document is not valid (every error by field).</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ConfigurationPreviewResult")]
public sealed record ConfigurationPreviewResult
{
    [Id(0)] public bool UnknownArea { get; init; }

    [Id(1)] public OptionError[] Errors { get; init; } = [];

    [Id(2)] public ConfigurationPreview? Preview { get; init; }
}
