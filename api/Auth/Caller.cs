using System.Security.Claims;
using HealthGrid.Api.Live;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using Microsoft.AspNetCore.Http;

namespace HealthGrid.Api.Auth;

/// <summary>
/// Who is calling and what they may see, read once from the token's claims. Every object-level
/// check and every list filter goes through here, so the API and the live hub agree: executives and
/// admins see everything; an account manager their accounts; a supervisor their teams' cases; a
/// process owner their process's cases; alerts by audience, exactly as the hub delivers them.
/// Endpoints take it as a parameter (minimal APIs bind it through <see cref="BindAsync"/>).
/// </summary>
public sealed class Caller
{
    private Caller(ClaimsPrincipal user)
    {
        Subject = user.FindFirst(HealthGridClaims.Subject)?.Value ?? string.Empty;
        SeesEverything = user.IsInRole(HealthGridRoles.Executive) || user.IsInRole(HealthGridRoles.Admin);
        SeesEveryCustomer = SeesEverything || user.IsInRole(HealthGridRoles.ContinuityPlanner);
        Accounts = Values(user, HealthGridClaims.Account, HealthGridRoles.AccountManager);
        Teams = Values(user, HealthGridClaims.Team, HealthGridRoles.Supervisor);
        ProcessOwners = Values(user, HealthGridClaims.ProcessOwner, HealthGridRoles.ProcessOwner);
        AlertAudiences = AlertGroups.Of(Subject, Teams, Accounts, ProcessOwners, user.IsInRole(HealthGridRoles.Executive), user.IsInRole(HealthGridRoles.Admin),
            user.IsInRole(HealthGridRoles.ContinuityPlanner), ReadsOrganisation(user));
    }

    public string Subject { get; }

    /// <summary>Executives and admins.</summary>
    public bool SeesEverything { get; }

    /// <summary>Also continuity planners, who plan over every customer but see no cases or alerts.</summary>
    public bool SeesEveryCustomer { get; }

    /// <summary>Whether continuity results may name cases and their teams (executives and admins) or only count them (planners).</summary>
    public bool SeesCaseDetails => SeesEverything;

    /// <summary>The accounts of an account manager (claims of other roles grant nothing).</summary>
    public string[] Accounts { get; }

    public string[] Teams { get; }

    public string[] ProcessOwners { get; }

    public HashSet<string> AlertAudiences { get; }

    /// <summary>The accounts to restrict customer and account lists to; null for no restriction.</summary>
    public string[]? VisibleAccounts => SeesEveryCustomer ? null : Accounts;

    public CaseScope? CaseScope => SeesEverything ? null : new CaseScope { Accounts = Accounts, Teams = Teams, ProcessOwners = ProcessOwners };

    public string[]? VisibleAudiences => AlertAudiences.Contains(AlertGroups.Everything) ? null : [.. AlertAudiences];

    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult<Caller?>(From(context.User));

    public static Caller From(ClaimsPrincipal user) => new(user);

    public bool MaySeeAccount(string accountId) => SeesEveryCustomer || Accounts.Contains(accountId);

    public bool MaySee(CaseView @case) => CaseScope?.Includes(@case) ?? true;

    /// <summary>An alert addressed to one of the caller's audiences, or about one of their accounts.</summary>
    public bool MaySee(Alert alert) =>
        VisibleAudiences is not { } visible
        || alert.Audiences.Any(a => visible.Contains(a.Group))
        || (alert.AccountId is { } account && Accounts.Contains(account));

    public bool MaySeeProcessOwner(string ownerId) => SeesEveryCustomer || ProcessOwners.Contains(ownerId);

    private static bool ReadsOrganisation(ClaimsPrincipal user) => AuthPolicies.OrganisationReaders.Any(user.IsInRole);

    /// <summary>A scope claim counts only for the role it belongs to: an ingest service with an account claim sees no account.</summary>
    private static string[] Values(ClaimsPrincipal user, string claim, string role) =>
        user.IsInRole(role) ? [.. user.FindAll(claim).Select(c => c.Value).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)] : [];
}
