namespace HealthGrid.Domain.Configuration;

/// <summary>
/// What writing a document to an area would do to live state now: every effect counted, the first
/// <see cref="ListedAtMost"/> of each kind listed (soonest deadlines and biggest moves first).
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ConfigurationPreview")]
public sealed record ConfigurationPreview
{
    public const int ListedAtMost = 200;

    [Id(0)] public required string Area { get; init; }

    /// <summary>The version the change would replace.</summary>
    [Id(1)] public required long BasedOnVersion { get; init; }

    [Id(2)] public required DateTimeOffset At { get; init; }

    /// <summary>How many customers, accounts, process owners and journey stages were asked.</summary>
    [Id(3)] public required int Examined { get; init; }

    [Id(4)] public required int DeadlineMoveCount { get; init; }

    [Id(5)] public required int BreachesAtOnceCount { get; init; }

    [Id(6)] public required int AlertsOpeningCount { get; init; }

    [Id(7)] public required int AlertsClosingCount { get; init; }

    [Id(8)] public required int BandChangeCount { get; init; }

    [Id(9)] public required ConfigurationEffects Effects { get; init; }

    /// <summary>What the preview cannot show (settings that take effect with the next event, say).</summary>
    [Id(10)] public string[] Notes { get; init; } = [];

    public static ConfigurationPreview Of(string area, long basedOn, DateTimeOffset at, int examined, IReadOnlyList<ConfigurationEffects> found, string[] notes)
    {
        var moves = found.SelectMany(e => e.DeadlineMoves).ToList();
        var breaches = found.SelectMany(e => e.BreachesAtOnce).ToList();
        var opening = found.SelectMany(e => e.AlertsOpening).ToList();
        var closing = found.SelectMany(e => e.AlertsClosing).ToList();
        var bands = found.SelectMany(e => e.BandChanges).ToList();
        return new ConfigurationPreview
        {
            Area = area,
            BasedOnVersion = basedOn,
            At = at,
            Examined = examined,
            DeadlineMoveCount = moves.Count,
            BreachesAtOnceCount = breaches.Count,
            AlertsOpeningCount = opening.Count,
            AlertsClosingCount = closing.Count,
            BandChangeCount = bands.Count,
            Effects = new ConfigurationEffects
            {
                DeadlineMoves = [.. moves.OrderByDescending(m => Math.Abs(m.MovedByMinutes ?? double.MaxValue)).ThenBy(m => m.CaseId, StringComparer.Ordinal).Take(ListedAtMost)],
                BreachesAtOnce = [.. breaches.OrderBy(b => b.To).ThenBy(b => b.CaseId, StringComparer.Ordinal).Take(ListedAtMost)],
                AlertsOpening = [.. opening.OrderBy(a => a.Subject, StringComparer.Ordinal).Take(ListedAtMost)],
                AlertsClosing = [.. closing.OrderBy(a => a.Subject, StringComparer.Ordinal).Take(ListedAtMost)],
                BandChanges = [.. bands.OrderBy(b => b.ToScore - b.FromScore).ThenBy(b => b.CustomerId, StringComparer.Ordinal).Take(ListedAtMost)],
            },
            Notes = notes,
        };
    }
}
