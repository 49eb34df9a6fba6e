namespace HealthGrid.Domain.Customers;

/// <summary>A live chat or call in progress, and its frustration alert once there is one.</summary>
[GenerateSerializer, Alias("HealthGrid.LiveInteraction")]
public sealed class LiveInteraction
{
    [Id(0)] public string Id { get; set; } = "";

    [Id(1)] public string? Team { get; set; }

    [Id(2)] public DateTimeOffset LastAt { get; set; }

    [Id(3)] public int Frustrated { get; set; }

    [Id(4)] public string? AlertId { get; set; }

    [Id(5)] public List<string> Cues { get; set; } = [];
}
