using HealthGrid.Domain.Customers.Scoring;
using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.Privacy;

/// <summary>
/// Text retention: an event older than the text window keeps everything but its free text, which is
/// replaced by <see cref="Marker"/>. The analyzer's reading of the customer's words is kept with it
/// (<see cref="Interaction.Analysis"/>), so a replay scores, alerts and simulates exactly as before.
/// </summary>
public static class TextExpiry
{
    public const string Marker = "[expired]";

    /// <summary>The event with its text expired, or null when it has no text left to expire.</summary>
    public static Interaction? Expire(Interaction e)
    {
        if (InteractionRedaction.FreeText(e) is not { } text || text == Marker)
        {
            return null;
        }

        var analysis = e.Analysis ?? (HealthModel.TextOf(e) is null ? null : HealthModel.AnalysisOf(e));
        return InteractionRedaction.WithFreeText(e, Marker) with { Analysis = analysis };
    }
}
