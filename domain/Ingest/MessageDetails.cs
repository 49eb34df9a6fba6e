namespace HealthGrid.Domain.Ingest;

/// <summary>A chat or call-transcript message inside an interaction (a conversation).</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.MessageDetails")]
public sealed record MessageDetails(
    [property: Id(0)] string InteractionId,
    [property: Id(1)] string Text,
    [property: Id(2)] bool Live,
    [property: Id(3)] MessageDirection Direction,
    [property: Id(4)] string? Team);
