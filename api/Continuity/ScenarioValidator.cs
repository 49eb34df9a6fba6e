using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.Continuity;

namespace HealthGrid.Api.Continuity;

/// <summary>Checks a scenario request (<see cref="ScenarioRequestValidator"/>) and turns it into the scenario that is saved.</summary>
public sealed class ScenarioValidator(ScenarioRequestValidator validator, TimeProvider time)
{
    public ContinuityScenario? Validate(string id, ScenarioRequest r, string createdBy, FieldErrors errors)
    {
        var result = validator.Validate(r);
        if (!result.IsValid)
        {
            errors.Add(result);
            return null;
        }

        return new ContinuityScenario
        {
            Id = id,
            Name = r.Name!.Trim(),
            Description = string.IsNullOrWhiteSpace(r.Description) ? null : r.Description.Trim(),
            StartsAt = r.StartsAt,
            Disruptions = [.. r.Disruptions!.Select(d => new ScenarioDisruption
            {
                Nodes = [.. d!.Nodes!.Select(n => new DisruptionNode(n!.Type.Value!.Value, n.Id!)).Distinct()],
                Regions = Names(d.Regions),
                Products = Names(d.Products),
                OffsetHours = d.OffsetHours ?? 0,
                DurationHours = d.DurationHours!.Value,
                Mode = d.Mode.Value ?? DisruptionMode.Outage,
                DegradedPercent = d.Mode.Value == DisruptionMode.Degraded ? d.DegradedPercent!.Value : 100,
            })],
            CreatedBy = createdBy,
            CreatedAt = time.GetUtcNow(),
        };
    }

    private static string[] Names(List<string?>? values) => [.. (values ?? []).Select(v => v!.Trim())];
}
