using HealthGrid.Domain.Cases;

namespace HealthGrid.Domain.ProcessOwners;

/// <summary>A process owner, the processes they own, and the complaint themes routed to them.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ProcessOwnerView")]
public sealed record ProcessOwnerView
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required string Name { get; init; }

    [Id(2)] public required string[] Processes { get; init; }

    [Id(3)] public required int ComplaintsLastHour { get; init; }

    [Id(4)] public required int ComplaintsLast24Hours { get; init; }

    /// <summary>Themes (code × region × product) seen in the last 24 hours, busiest first.</summary>
    [Id(5)] public required ThemeVolume[] Themes { get; init; }

    [Id(6)] public SlaCompliance Sla { get; init; } = new(0, 0, 0);

    /// <summary>Open alerts for this stage or owner.</summary>
    [Id(7)] public int OpenEscalations { get; init; }
}
