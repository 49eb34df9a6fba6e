namespace HealthGrid.Domain.Alerts;

/// <summary>Filters for the alert list; all optional. Newest first.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.AlertQuery")]
public sealed record AlertQuery
{
    [Id(0)] public Audience? Audience { get; init; }

    [Id(1)] public AlertState? State { get; init; }

    [Id(2)] public AlertType? Type { get; init; }

    [Id(3)] public string? CustomerId { get; init; }

    [Id(4)] public string? CaseId { get; init; }

    [Id(5)] public int Offset { get; init; }

    [Id(6)] public int Limit { get; init; } = 50;

    /// <summary>The audience groups the caller belongs to (an alert is visible when it shares one); null when they see every alert.</summary>
    [Id(7)] public string[]? VisibleAudiences { get; init; }

    /// <summary>With <see cref="VisibleAudiences"/>: the accounts whose alerts the caller also sees (an account manager's).</summary>
    [Id(8)] public string[]? VisibleAccounts { get; init; }
}
