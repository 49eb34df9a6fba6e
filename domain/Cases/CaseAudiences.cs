using HealthGrid.Domain.Alerts;

namespace HealthGrid.Domain.Cases;

/// <summary>Who "assignee", "team", "process_owner", "account" and "leadership" are for a case, falling back upwards when nobody is named.</summary>
public static class CaseAudiences
{
    public static Audience For(string notify, CaseState @case, string accountId) => notify.ToLowerInvariant() switch
    {
        "assignee" when @case.Assignee is { } assignee => new Audience(AudienceKind.User, assignee),
        "assignee" or "team" when @case.Team is { } team => new Audience(AudienceKind.Team, team),
        "assignee" or "team" or "process_owner" when @case.ProcessOwner is { Length: > 0 } owner => new Audience(AudienceKind.ProcessOwner, owner),
        "account" => new Audience(AudienceKind.Account, accountId),
        _ => Audience.Leadership,
    };

    /// <summary>Warnings go to whoever works the case: the assignee and the team.</summary>
    public static Audience[] Workers(CaseState @case, string accountId)
    {
        var team = For("team", @case, accountId);
        return @case.Assignee is { } assignee ? [new Audience(AudienceKind.User, assignee), team] : [team];
    }
}
