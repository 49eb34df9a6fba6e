using Microsoft.AspNetCore.Authorization;

namespace HealthGrid.Api.Auth;

/// <summary>
/// Who may call what, by role. Object-level scope (which accounts, teams, process) is checked by the
/// endpoints through <see cref="Caller"/>; these policies decide which kinds of data a role reads at all.
/// Everything not named here needs a signed-in user (the fallback policy).
/// </summary>
public static class AuthPolicies
{
    public const string Ingest = "ingest";
    public const string Configure = "configure";
    public const string ReadConfiguration = "read-configuration";
    public const string Customers = "customers";
    public const string Cases = "cases";
    public const string Alerts = "alerts";
    public const string Organisation = "organisation";
    public const string Dashboard = "dashboard";
    public const string Metrics = "metrics";
    public const string Leadership = "leadership";
    public const string Conversations = "conversations";
    public const string Operations = "operations";
    public const string ApiReference = "api-reference";
    public const string Continuity = "continuity";

    /// <summary>Who reads journey stages, process owners and system changes, by request and by push.</summary>
    public static readonly string[] OrganisationReaders = [HealthGridRoles.ProcessOwner, HealthGridRoles.ContinuityPlanner, HealthGridRoles.Executive, HealthGridRoles.Admin];

    public static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Ingest, p => p.RequireRole(HealthGridRoles.Ingest, HealthGridRoles.Admin));
        options.AddPolicy(Configure, p => p.RequireRole(HealthGridRoles.Admin));
        options.AddPolicy(ReadConfiguration, p => p.RequireRole(HealthGridRoles.Executive, HealthGridRoles.Admin));
        options.AddPolicy(Customers, p => p.RequireRole(HealthGridRoles.AccountManager, HealthGridRoles.ContinuityPlanner, HealthGridRoles.Executive, HealthGridRoles.Admin));
        options.AddPolicy(Cases, p => p.RequireRole(HealthGridRoles.AccountManager, HealthGridRoles.Supervisor, HealthGridRoles.ProcessOwner, HealthGridRoles.Executive, HealthGridRoles.Admin));
        options.AddPolicy(Alerts, p => p.RequireRole(HealthGridRoles.AccountManager, HealthGridRoles.Supervisor, HealthGridRoles.ProcessOwner, HealthGridRoles.Executive, HealthGridRoles.Admin));
        options.AddPolicy(Organisation, p => p.RequireRole(OrganisationReaders));
        options.AddPolicy(Dashboard, p => p.RequireRole(HealthGridRoles.People));
        options.AddPolicy(Leadership, p => p.RequireRole(HealthGridRoles.Executive, HealthGridRoles.Admin));
        options.AddPolicy(Conversations, p => p.RequireRole(HealthGridRoles.Supervisor, HealthGridRoles.AccountManager, HealthGridRoles.Executive, HealthGridRoles.Admin));
        options.AddPolicy(Metrics, p => p.RequireRole(HealthGridRoles.Monitoring, HealthGridRoles.Admin));
        options.AddPolicy(Operations, p => p.RequireRole(HealthGridRoles.Admin));
        options.AddPolicy(ApiReference, p => p.RequireRole(HealthGridRoles.Executive, HealthGridRoles.Admin));
        options.AddPolicy(Continuity, p => p.RequireRole(HealthGridRoles.ContinuityPlanner, HealthGridRoles.Executive, HealthGridRoles.Admin));
    }
}
