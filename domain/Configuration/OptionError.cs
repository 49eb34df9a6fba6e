namespace HealthGrid.Domain.Configuration;

/// <summary>
/// One thing wrong with a configuration document, at the path of its field in the document's JSON
/// form ("policies[1].targets.firstResponse"), so that the admin console can show it at the field.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.OptionError")]
public sealed record OptionError([property: Id(0)] string Path, [property: Id(1)] string Message)
{
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
