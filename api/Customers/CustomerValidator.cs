using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.Customers;

namespace HealthGrid.Api.Customers;

/// <summary>Checks a customer request (<see cref="CustomerRequestValidator"/>) for the customer <c>id</c> and turns it into its profile.</summary>
public sealed class CustomerValidator(CustomerRequestValidator validator)
{
    public CustomerProfile? Validate(string id, CustomerRequest r, FieldErrors errors)
    {
        if (Identifiers.Problem(id) is { } problem)
        {
            errors.Add("id", problem);
        }
        else if (r.Id is not null && r.Id != id)
        {
            errors.Add("id", "must match the id in the path");
        }

        var result = validator.Validate(r);
        errors.Add(result);
        if (!errors.IsEmpty)
        {
            return null;
        }

        var products = r.Products ?? [];
        return new CustomerProfile
        {
            Id = id,
            AccountId = r.AccountId!,
            Name = r.Name!,
            Tier = r.Tier.Value!.Value,
            Segment = r.Segment!,
            Region = r.Region!,
            Products = [.. products.Select(p => p!)],
            Criticality = r.Criticality.Value!.Value,
            Revenue = r.Revenue!.Value,
            Dependencies = [.. (r.Dependencies ?? []).Select(d => new Dependency(d!.Type.Value!.Value, d.Id!, d.RecoveryHours!.Value, d.DegradedTolerancePercent ?? 0))],
            Contacts = [.. (r.Contacts ?? []).Select((c, i) => new Contact(c!.Name!, c.Role!, c.Email, c.Phone, c.EscalationOrder ?? i + 1))],
        };
    }
}
