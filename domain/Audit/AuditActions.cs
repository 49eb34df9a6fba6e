namespace HealthGrid.Domain.Audit;

/// <summary>What the audit log records, as the API names it (<c>GET /api/v1/audit?action=</c>).</summary>
public static class AuditActions
{
    public const string ConfigurationWrite = "config.write";
    public const string ConfigurationRollback = "config.rollback";
    public const string CustomerProfile = "customer.profile";
    public const string AccountProfile = "account.profile";
    public const string Import = "import";
    public const string CaseAcknowledge = "case.acknowledge";
    public const string CaseResolve = "case.resolve";
    public const string AlertAcknowledge = "alert.acknowledge";
    public const string AlertResolve = "alert.resolve";
    public const string NotificationTest = "notification.test";
    public const string SignIn = "sign_in";
    public const string AdminSession = "admin.session";
    public const string Export = "customer.export";
    public const string Erasure = "customer.erasure";
    public const string Retention = "retention";
    public const string IdentityMap = "identity.map";
    public const string IdentityUnmap = "identity.unmap";
    public const string IdentityImport = "identity.import";

    /// <summary>The actor of what HealthGrid does by itself under its rules (retention).</summary>
    public const string SystemActor = "healthgrid";

    public static readonly IReadOnlyList<string> All =
    [
        ConfigurationWrite, ConfigurationRollback, CustomerProfile, AccountProfile, Import, CaseAcknowledge, CaseResolve,
        AlertAcknowledge, AlertResolve, NotificationTest, SignIn, AdminSession, Export, Erasure, Retention,
        IdentityMap, IdentityUnmap, IdentityImport,
    ];
}
