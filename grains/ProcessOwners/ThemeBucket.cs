namespace HealthGrid.ProcessOwners;

/// <summary>Complaint counts in one time bucket, keyed by "code|region|product".</summary>
[GenerateSerializer, Alias("HealthGrid.ThemeBucket")]
public sealed class ThemeBucket
{
    [Id(0)] public Dictionary<string, int> Counts { get; set; } = new(StringComparer.Ordinal);
}
