namespace HealthGrid.Domain.SystemChanges;

[GenerateSerializer, Alias("HealthGrid.SystemChangeState")]
public sealed class SystemChangeState
{
    /// <summary>Recent changes, oldest first.</summary>
    [Id(0)] public List<SystemChangeRecord> Changes { get; set; } = [];

    [Id(1)] public long AppliedSeq { get; set; }
}
