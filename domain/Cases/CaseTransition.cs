namespace HealthGrid.Domain.Cases;

/// <summary>One step of a case's history.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.CaseTransition")]
public sealed record CaseTransition(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] CaseStatus? From,
    [property: Id(2)] CaseStatus To,
    [property: Id(3)] string By,
    [property: Id(4)] string? Note,
    [property: Id(5)] string EventId);
