namespace HealthGrid.Api.Accounts;

/// <summary>An account as created or replaced by <c>PUT /api/v1/accounts/{id}</c> (the id comes from the route).</summary>
public sealed class AccountRequest
{
    /// <summary>Optional in PUT (must match the route); required in import lines.</summary>
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>The account manager's user id.</summary>
    public string? AccountManager { get; set; }

    public string? Segment { get; set; }

    public string? Region { get; set; }
}
