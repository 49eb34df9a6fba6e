namespace HealthGrid.Domain.Customers.Text;

/// <summary>
/// What a piece of customer text says: sentiment in [-1, 1], frustration in [0, 1], the cues found
/// (for explanations and supervisor alerts) and the resulting label.
/// </summary>
public sealed record TextSignal(double Sentiment, double Frustration, IReadOnlyList<string> Cues, TextLabel Label)
{
    public static readonly TextSignal Empty = new(0, 0, [], TextLabel.Neutral);

    public bool IsFrustrated => Label == TextLabel.Frustrated;
}
