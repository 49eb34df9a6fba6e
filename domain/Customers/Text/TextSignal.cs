namespace HealthGrid.Domain.Customers.Text;

/// <summary>
/// What a piece of customer text says: sentiment in [-1, 1], frustration in [0, 1], the cues found
/// (for explanations and supervisor alerts) and the resulting label.
/// </summary>
/// Kept with an event whose text was redacted at the door (<see cref="Ingest.Interaction.Analysis"/>), so it
/// crosses grain calls and lives in the journal.
[GenerateSerializer, Immutable, Alias("HealthGrid.TextSignal")]
public sealed record TextSignal(
    [property: Id(0)] double Sentiment,
    [property: Id(1)] double Frustration,
    [property: Id(2)] IReadOnlyList<string> Cues,
    [property: Id(3)] TextLabel Label)
{
    public static readonly TextSignal Empty = new(0, 0, [], TextLabel.Neutral);

    public bool IsFrustrated => Label == TextLabel.Frustrated;
}
