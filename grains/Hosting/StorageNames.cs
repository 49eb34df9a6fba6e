namespace HealthGrid.Grains.Hosting;

/// <summary>Grain storage provider names; each maps to the embedded or PostgreSQL provider by mode.</summary>
public static class StorageNames
{
    public const string Customers = "customers";
    public const string Accounts = "accounts";
    public const string Organisation = "organisation";

    public static readonly string[] All = [Customers, Accounts, Organisation];
}
