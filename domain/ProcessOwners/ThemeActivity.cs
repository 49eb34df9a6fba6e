namespace HealthGrid.Domain.ProcessOwners;

/// <summary>Complaint themes and SLA outcomes of an owner's cases seen by one silo in a flush interval.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ThemeActivity")]
public sealed record ThemeActivity(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] ThemeCount[] Themes,
    [property: Id(2)] int SlaMet = 0,
    [property: Id(3)] int SlaBreached = 0);
