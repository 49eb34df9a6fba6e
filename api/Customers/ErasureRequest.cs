using System.Text.Json;
using System.Text.Json.Serialization;
using HealthGrid.Api.Infrastructure.Validation;

namespace HealthGrid.Api.Customers;

/// <summary>The body of <c>DELETE /api/v1/customers/{id}</c>: why the customer is erased (the request under GDPR art. 17, a ticket), kept in the audit log.</summary>
public sealed record ErasureRequest : IUnknownFields
{
    public string? Reason { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}
