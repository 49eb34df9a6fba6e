namespace HealthGrid.Domain.Cases;

[GenerateSerializer, Immutable, Alias("HealthGrid.CasePage")]
public sealed record CasePage(
    [property: Id(0)] CaseView[] Items,
    [property: Id(1)] int Total,
    [property: Id(2)] int Offset,
    [property: Id(3)] int Limit);
