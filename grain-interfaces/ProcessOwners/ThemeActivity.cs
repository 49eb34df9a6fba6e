namespace HealthGrid.ProcessOwners;

[GenerateSerializer, Immutable, Alias("HealthGrid.ThemeActivity")]
public sealed record ThemeActivity(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] ThemeCount[] Themes);
