using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.Customers;
using HealthGrid.Hosting.Configuration;

namespace HealthGrid.Api.Customers;

/// <summary>Checks a customer request; dependencies on processes and journey stages must name configured ones.</summary>
public sealed class CustomerValidator(CurrentOrganisation organisation)
{
    private const int MaxListLength = 200;

    public CustomerProfile? Validate(string id, CustomerRequest r, FieldErrors errors)
    {
        Identifiers.Check(errors, "id", id);
        if (r.Id is not null && r.Id != id)
        {
            errors.Add("id", "must match the id in the path");
        }

        Identifiers.Check(errors, "accountId", r.AccountId);
        errors.Required("name", r.Name);
        errors.MaxLength("name", r.Name, 200);
        var tier = EnumFields.Parse<Tier>(errors, "tier", r.Tier);
        var criticality = EnumFields.Parse<Criticality>(errors, "criticality", r.Criticality);
        errors.Required("segment", r.Segment);
        errors.MaxLength("segment", r.Segment, 64);
        errors.Required("region", r.Region);
        errors.MaxLength("region", r.Region, 64);
        if (errors.Required("revenue", r.Revenue) && r.Revenue < 0)
        {
            errors.Add("revenue", "must not be negative");
        }

        var products = r.Products ?? [];
        if (products.Count > MaxListLength)
        {
            errors.Add("products", $"must have at most {MaxListLength} entries");
        }

        for (var i = 0; i < products.Count; i++)
        {
            errors.Required($"products[{i}]", products[i]);
            errors.MaxLength($"products[{i}]", products[i], 128);
        }

        var dependencies = Dependencies(errors, r.Dependencies ?? []);
        var contacts = Contacts(errors, r.Contacts ?? []);
        if (!errors.IsEmpty)
        {
            return null;
        }

        return new CustomerProfile
        {
            Id = id,
            AccountId = r.AccountId!,
            Name = r.Name!,
            Tier = tier!.Value,
            Segment = r.Segment!,
            Region = r.Region!,
            Products = [.. products],
            Criticality = criticality!.Value,
            Revenue = r.Revenue!.Value,
            Dependencies = dependencies,
            Contacts = contacts,
        };
    }

    private Dependency[] Dependencies(FieldErrors errors, List<DependencyRequest> requests)
    {
        if (requests.Count > MaxListLength)
        {
            errors.Add("dependencies", $"must have at most {MaxListLength} entries");
        }

        var dependencies = new List<Dependency>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var d = requests[i];
            var field = $"dependencies[{i}]";
            var type = EnumFields.Parse<DependencyType>(errors, $"{field}.type", d.Type);
            Identifiers.Check(errors, $"{field}.id", d.Id);
            if (errors.Required($"{field}.recoveryHours", d.RecoveryHours))
            {
                errors.Range($"{field}.recoveryHours", d.RecoveryHours, 0, 24 * 365);
            }

            errors.Range($"{field}.degradedTolerancePercent", d.DegradedTolerancePercent, 0, 100);
            if (type == DependencyType.JourneyStage && d.Id is not null && !organisation.Index.IsStage(d.Id))
            {
                errors.Add($"{field}.id", $"'{d.Id}' is not a configured journey stage");
            }
            else if (type == DependencyType.Process && d.Id is not null && !organisation.Index.IsProcess(d.Id))
            {
                errors.Add($"{field}.id", $"'{d.Id}' is not a configured process");
            }

            if (type is { } t && d.Id is not null && d.RecoveryHours is { } hours)
            {
                dependencies.Add(new Dependency(t, d.Id, hours, d.DegradedTolerancePercent ?? 0));
            }
        }

        return [.. dependencies];
    }

    private static Contact[] Contacts(FieldErrors errors, List<ContactRequest> requests)
    {
        if (requests.Count > MaxListLength)
        {
            errors.Add("contacts", $"must have at most {MaxListLength} entries");
        }

        var contacts = new List<Contact>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var c = requests[i];
            var field = $"contacts[{i}]";
            errors.Required($"{field}.name", c.Name);
            errors.Required($"{field}.role", c.Role);
            errors.MaxLength($"{field}.email", c.Email, 254);
            errors.MaxLength($"{field}.phone", c.Phone, 64);
            errors.Range($"{field}.escalationOrder", c.EscalationOrder, 1, 100);
            if (c.Name is not null && c.Role is not null)
            {
                contacts.Add(new Contact(c.Name, c.Role, c.Email, c.Phone, c.EscalationOrder ?? i + 1));
            }
        }

        return [.. contacts];
    }
}
