namespace HealthGrid.Domain.ProcessOwners;

/// <summary>Complaint counts in one time bucket, keyed by "code|region|product", and SLA outcomes of the owner's cases.</summary>
[GenerateSerializer, Alias("HealthGrid.ThemeBucket")]
public sealed class ThemeBucket
{
    [Id(0)] public Dictionary<string, int> Counts { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public int SlaMet { get; set; }

    [Id(2)] public int SlaBreached { get; set; }
}
