using System.Security.Claims;
using HealthGrid.Alerts;
using HealthGrid.Auth;

namespace HealthGrid.Hubs;

/// <summary>
/// The alert audiences a signed-in user belongs to, from their token's claims only: a connection
/// cannot ask to join anything. Executives and admins see every alert.
/// </summary>
public static class AlertGroups
{
    public const string Everything = "*";

    public static HashSet<string> Of(ClaimsPrincipal user)
    {
        var groups = new HashSet<string>(StringComparer.Ordinal);
        if (user.FindFirst(HealthGridClaims.Subject)?.Value is { Length: > 0 } subject)
        {
            groups.Add(new Audience(AudienceKind.User, subject).Group);
        }

        Add(groups, user, HealthGridClaims.Team, AudienceKind.Team);
        Add(groups, user, HealthGridClaims.Account, AudienceKind.Account);
        Add(groups, user, HealthGridClaims.ProcessOwner, AudienceKind.ProcessOwner);
        if (user.IsInRole(HealthGridRoles.Executive))
        {
            groups.Add(Audience.Leadership.Group);
            groups.Add(Everything);
        }

        if (user.IsInRole(HealthGridRoles.Admin))
        {
            groups.Add(Everything);
        }

        return groups;
    }

    private static void Add(HashSet<string> groups, ClaimsPrincipal user, string claim, AudienceKind kind)
    {
        foreach (var value in user.FindAll(claim).Select(c => c.Value).Where(v => v.Length > 0))
        {
            groups.Add(new Audience(kind, value).Group);
        }
    }
}
