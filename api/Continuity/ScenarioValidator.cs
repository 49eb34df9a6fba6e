using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers;
using HealthGrid.Hosting.Configuration;

namespace HealthGrid.Api.Continuity;

/// <summary>Checks a scenario: named nodes of known kinds (configured processes and stages), sane windows, a start not in the past.</summary>
public sealed class ScenarioValidator(CurrentOrganisation organisation, TimeProvider time)
{
    public const int MaxDisruptions = 20;
    public const int MaxNodes = 50;
    public const double MaxHours = 24 * 90;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public ContinuityScenario? Validate(string id, ScenarioRequest r, string createdBy, FieldErrors errors)
    {
        errors.Required("name", r.Name);
        errors.MaxLength("name", r.Name, 200);
        errors.MaxLength("description", r.Description, 2000);
        var now = time.GetUtcNow();
        if (r.StartsAt is { } startsAt && startsAt < now - ClockSkew)
        {
            errors.Add("startsAt", "must not be in the past");
        }

        var requests = r.Disruptions ?? [];
        if (requests.Count == 0)
        {
            errors.Add("disruptions", "must have at least one disruption");
        }
        else if (requests.Count > MaxDisruptions)
        {
            errors.Add("disruptions", $"must have at most {MaxDisruptions} entries");
        }

        var disruptions = new List<ScenarioDisruption>();
        for (var i = 0; i < Math.Min(requests.Count, MaxDisruptions); i++)
        {
            if (Disruption(errors, $"disruptions[{i}]", requests[i]) is { } disruption)
            {
                disruptions.Add(disruption);
            }
        }

        if (!errors.IsEmpty)
        {
            return null;
        }

        return new ContinuityScenario
        {
            Id = id,
            Name = r.Name!.Trim(),
            Description = string.IsNullOrWhiteSpace(r.Description) ? null : r.Description.Trim(),
            StartsAt = r.StartsAt?.ToUniversalTime(),
            Disruptions = [.. disruptions],
            CreatedBy = createdBy,
            CreatedAt = now,
        };
    }

    private ScenarioDisruption? Disruption(FieldErrors errors, string field, DisruptionRequest? d)
    {
        if (!errors.Present(field, d))
        {
            return null;
        }

        var nodes = d.Nodes ?? [];
        if (nodes.Count == 0)
        {
            errors.Add($"{field}.nodes", "must name at least one node");
        }
        else if (nodes.Count > MaxNodes)
        {
            errors.Add($"{field}.nodes", $"must have at most {MaxNodes} entries");
        }

        var parsed = new List<DisruptionNode>();
        for (var n = 0; n < Math.Min(nodes.Count, MaxNodes); n++)
        {
            if (Node(errors, $"{field}.nodes[{n}]", nodes[n]) is { } node)
            {
                parsed.Add(node);
            }
        }

        errors.Range($"{field}.offsetHours", d.OffsetHours, 0, MaxHours);
        if (errors.Required($"{field}.durationHours", d.DurationHours))
        {
            errors.Range($"{field}.durationHours", d.DurationHours, 0.25, MaxHours);
        }

        var mode = d.Mode is null ? DisruptionMode.Outage : EnumFields.Parse<DisruptionMode>(errors, $"{field}.mode", d.Mode);
        if (mode == DisruptionMode.Degraded)
        {
            if (errors.Required($"{field}.degradedPercent", d.DegradedPercent))
            {
                errors.Range($"{field}.degradedPercent", d.DegradedPercent, 1, 99);
            }
        }
        else if (d.DegradedPercent is not null)
        {
            errors.Add($"{field}.degradedPercent", "applies to degraded mode only");
        }

        var regions = Names(errors, $"{field}.regions", d.Regions);
        var products = Names(errors, $"{field}.products", d.Products);
        if (mode is null || d.DurationHours is null)
        {
            return null;
        }

        return new ScenarioDisruption
        {
            Nodes = [.. parsed.Distinct()],
            Regions = regions,
            Products = products,
            OffsetHours = d.OffsetHours ?? 0,
            DurationHours = d.DurationHours.Value,
            Mode = mode.Value,
            DegradedPercent = mode == DisruptionMode.Degraded ? d.DegradedPercent ?? 0 : 100,
        };
    }

    private DisruptionNode? Node(FieldErrors errors, string field, NodeRequest? n)
    {
        if (!errors.Present(field, n))
        {
            return null;
        }

        var type = EnumFields.Parse<DependencyType>(errors, $"{field}.type", n.Type);
        Identifiers.Check(errors, $"{field}.id", n.Id);
        if (type == DependencyType.Process && n.Id is not null && !organisation.Index.IsProcess(n.Id))
        {
            errors.Add($"{field}.id", $"'{n.Id}' is not a configured process");
        }
        else if (type == DependencyType.JourneyStage && n.Id is not null && !organisation.Index.IsStage(n.Id))
        {
            errors.Add($"{field}.id", $"'{n.Id}' is not a configured journey stage");
        }

        return type is { } t && n.Id is not null ? new DisruptionNode(t, n.Id) : null;
    }

    private static string[] Names(FieldErrors errors, string field, List<string>? values)
    {
        var list = values ?? [];
        if (list.Count > MaxNodes)
        {
            errors.Add(field, $"must have at most {MaxNodes} entries");
        }

        for (var i = 0; i < list.Count; i++)
        {
            errors.Required($"{field}[{i}]", list[i]);
            errors.MaxLength($"{field}[{i}]", list[i], 128);
        }

        return [.. list.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim())];
    }
}
