using System.Text.Json;
using System.Text.Json.Serialization;
using HealthGrid.Api.Accounts;
using HealthGrid.Api.Customers;
using HealthGrid.Api.Infrastructure.Validation;

namespace HealthGrid.Api.Organisation;

/// <summary>One line of a JSON-lines import: exactly one of an account or a customer (each with its id).</summary>
public sealed record ImportLine : IUnknownFields
{
    public AccountRequest? Account { get; init; }

    public CustomerRequest? Customer { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}
