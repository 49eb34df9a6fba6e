using System.Text.Json;
using System.Text.Json.Serialization;
using HealthGrid.Api.Infrastructure.Json;
using HealthGrid.Api.Infrastructure.Validation;
using HealthGrid.Domain.Customers;

namespace HealthGrid.Api.Customers;

/// <summary>A customer as created or replaced by <c>PUT /api/v1/customers/{id}</c> (the id comes from the route).</summary>
public sealed record CustomerRequest : IUnknownFields
{
    /// <summary>Optional in PUT (must match the route); required in import lines.</summary>
    public string? Id { get; init; }

    /// <summary>The account the customer belongs to; it must exist.</summary>
    public string? AccountId { get; init; }

    public string? Name { get; init; }

    public Named<Tier> Tier { get; init; }

    public string? Segment { get; init; }

    public string? Region { get; init; }

    public List<string?>? Products { get; init; }

    public Named<Criticality> Criticality { get; init; }

    /// <summary>Annual recurring revenue.</summary>
    public decimal? Revenue { get; init; }

    public List<DependencyRequest?>? Dependencies { get; init; }

    public List<ContactRequest?>? Contacts { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}

/// <summary>A dependency on a process, site, supplier or journey stage with its recovery requirement.</summary>
public sealed record DependencyRequest : IUnknownFields
{
    public Named<DependencyType> Type { get; init; }

    public string? Id { get; init; }

    /// <summary>The longest outage the customer tolerates, in hours.</summary>
    public double? RecoveryHours { get; init; }

    /// <summary>The capacity loss (percent) the customer tolerates without harm; default 0.</summary>
    public double? DegradedTolerancePercent { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}

/// <summary>A key contact; escalationOrder 1 is called first during a disruption.</summary>
public sealed record ContactRequest : IUnknownFields
{
    public string? Name { get; init; }

    public string? Role { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public int? EscalationOrder { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}
