namespace HealthGrid.Api.Auth;

/// <summary>
/// The claims HealthGrid reads from a token: who the user is, their roles, and what they are
/// responsible for (teams, accounts, a process owner). What they may see is derived from them.
/// </summary>
public static class HealthGridClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Team = "team";
    public const string Account = "account";
    public const string ProcessOwner = "owner";
}

/// <summary>The roles of HealthGrid's users and services.</summary>
public static class HealthGridRoles
{
    public const string AccountManager = "account_manager";
    public const string Supervisor = "supervisor";
    public const string ProcessOwner = "process_owner";
    public const string Executive = "executive";
    public const string ContinuityPlanner = "continuity_planner";
    public const string Ingest = "ingest";
    public const string Admin = "admin";

    /// <summary>A metrics scraper: reads /metrics and nothing else.</summary>
    public const string Monitoring = "monitoring";

    /// <summary>Every role a person signs in with (services excluded).</summary>
    public static readonly string[] People = [AccountManager, Supervisor, ProcessOwner, Executive, ContinuityPlanner, Admin];
}
