using System.Text.Json;
using System.Text.Json.Serialization;
using HealthGrid.Api.Infrastructure.Validation;

namespace HealthGrid.Api.Accounts;

/// <summary>An account as created or replaced by <c>PUT /api/v1/accounts/{id}</c> (the id comes from the route).</summary>
public sealed record AccountRequest : IUnknownFields
{
    /// <summary>Optional in PUT (must match the route); required in import lines.</summary>
    public string? Id { get; init; }

    public string? Name { get; init; }

    /// <summary>The account manager's user id.</summary>
    public string? AccountManager { get; init; }

    public string? Segment { get; init; }

    public string? Region { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}
