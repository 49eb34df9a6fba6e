
namespace HealthGrid.Api.Customers;

/// <summary>A customer as created or replaced by <c>PUT /api/v1/customers/{id}</c> (the id comes from the route).</summary>
public sealed class CustomerRequest
{
    /// <summary>Optional in PUT (must match the route); required in import lines.</summary>
    public string? Id { get; set; }

    /// <summary>The account the customer belongs to; it must exist.</summary>
    public string? AccountId { get; set; }

    public string? Name { get; set; }

    /// <summary>platinum, gold, silver or bronze.</summary>
    public string? Tier { get; set; }

    public string? Segment { get; set; }

    public string? Region { get; set; }

    public List<string>? Products { get; set; }

    /// <summary>critical, high, medium or low.</summary>
    public string? Criticality { get; set; }

    /// <summary>Annual recurring revenue.</summary>
    public decimal? Revenue { get; set; }

    public List<DependencyRequest>? Dependencies { get; set; }

    public List<ContactRequest>? Contacts { get; set; }
}

/// <summary>A dependency on a process, site, supplier or journey stage with its recovery requirement.</summary>
public sealed class DependencyRequest
{
    /// <summary>process, site, supplier or journey_stage.</summary>
    public string? Type { get; set; }

    public string? Id { get; set; }

    /// <summary>The longest outage the customer tolerates, in hours.</summary>
    public double? RecoveryHours { get; set; }

    /// <summary>The capacity loss (percent) the customer tolerates without harm; default 0.</summary>
    public double? DegradedTolerancePercent { get; set; }
}

/// <summary>A key contact; escalationOrder 1 is called first during a disruption.</summary>
public sealed class ContactRequest
{
    public string? Name { get; set; }

    public string? Role { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public int? EscalationOrder { get; set; }
}
