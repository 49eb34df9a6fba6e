namespace HealthGrid.Domain.ProcessOwners;

/// <summary>A theme above its threshold: its alert, the change-correlation alert if any, and whether leadership has it.</summary>
[GenerateSerializer, Alias("HealthGrid.ThemeEpisode")]
public sealed class ThemeEpisode
{
    [Id(0)] public int Number { get; set; }

    [Id(1)] public string AlertId { get; set; } = "";

    [Id(2)] public string? CorrelationAlertId { get; set; }

    [Id(3)] public bool Leadership { get; set; }

    [Id(4)] public int Count { get; set; }
}
