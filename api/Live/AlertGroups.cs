using HealthGrid.Api.Auth;
using HealthGrid.Domain.Alerts;

namespace HealthGrid.Api.Live;

/// <summary>
/// The alert audiences a signed-in user belongs to, from their token's claims only (through
/// <see cref="Caller"/>): a connection cannot ask to join anything. Executives and admins see
/// every alert (and every continuity run); continuity planners see continuity runs.
/// </summary>
public static class AlertGroups
{
    public const string Everything = "*";

    /// <summary>Continuity planners: the progress and results of continuity runs.</summary>
    public const string Continuity = "continuity";

    /// <summary>Those who read the organisation (process owners, planners, executives, admins): owners' theme statistics and system changes.</summary>
    public const string Organisation = "organisation";

    public static HashSet<string> Of(string subject, string[] teams, string[] accounts, string[] processOwners, bool executive, bool admin, bool planner, bool organisationReader)
    {
        var groups = new HashSet<string>(StringComparer.Ordinal);
        if (subject.Length > 0)
        {
            groups.Add(new Audience(AudienceKind.User, subject).Group);
        }

        groups.UnionWith(teams.Select(t => new Audience(AudienceKind.Team, t).Group));
        groups.UnionWith(accounts.Select(a => new Audience(AudienceKind.Account, a).Group));
        groups.UnionWith(processOwners.Select(o => new Audience(AudienceKind.ProcessOwner, o).Group));
        if (executive)
        {
            groups.Add(Audience.Leadership.Group);
        }

        if (planner)
        {
            groups.Add(Continuity);
        }

        if (organisationReader)
        {
            groups.Add(Organisation);
        }

        if (admin)
        {
            groups.Add(Audience.Operators.Group);
        }

        if (executive || admin)
        {
            groups.Add(Everything);
        }

        return groups;
    }
}
