namespace HealthGrid.Domain.Privacy;

/// <summary>What one retention pass removed, as counts (and the months of the event log it dropped).</summary>
public sealed record RetentionReport
{
    /// <summary>The event log's months dropped whole, as <c>yyyy-MM</c>.</summary>
    public IReadOnlyList<string> Months { get; init; } = [];

    public long Events { get; init; }

    public long ScoreChanges { get; init; }

    /// <summary>Logged events whose free text was replaced by <see cref="TextExpiry.Marker"/>.</summary>
    public long Texts { get; init; }

    public long Cases { get; init; }

    public long Alerts { get; init; }

    public long Notifications { get; init; }

    /// <summary>Case and conversation ids released (free for any customer again).</summary>
    public long ClientIds { get; init; }

    /// <summary>Events parked for want of a customer that were let go unresolved.</summary>
    public long Parked { get; init; }

    /// <summary>Both reports' removals together: a pass adds up its steps.</summary>
    public RetentionReport Add(RetentionReport other) => new()
    {
        Months = [.. Months, .. other.Months],
        Events = Events + other.Events,
        ScoreChanges = ScoreChanges + other.ScoreChanges,
        Texts = Texts + other.Texts,
        Cases = Cases + other.Cases,
        Alerts = Alerts + other.Alerts,
        Notifications = Notifications + other.Notifications,
        ClientIds = ClientIds + other.ClientIds,
        Parked = Parked + other.Parked,
    };

    public bool RemovedAnything => Months.Count > 0 || Events + ScoreChanges + Texts + Cases + Alerts + Notifications + ClientIds + Parked > 0;
}
