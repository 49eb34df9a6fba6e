using HealthGrid.Domain.Configuration;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Wire;

namespace HealthGrid.Domain.Organisation;

/// <summary>Checks the organisation's references: every owner, process, stage and code named exists, and ids are unique.</summary>
public sealed class OrganisationOptionsValidator : OptionsValidator<OrganisationOptions>
{
    protected override void Check(OrganisationOptions options, OptionErrors errors)
    {
        errors.Unique("journeyStages", options.JourneyStages.Select(s => s.Id));
        errors.Unique("processOwners", options.ProcessOwners.Select(o => o.Id));
        errors.Unique("processes", options.Processes.Select(p => p.Id));
        errors.Unique("categorizationCodes", options.CategorizationCodes.Select(c => c.Code), "code");

        var stages = options.JourneyStages.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var owners = options.ProcessOwners.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var processes = options.Processes.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < options.JourneyStages.Count; i++)
        {
            var owner = options.JourneyStages[i].Owner;
            if (!string.IsNullOrWhiteSpace(owner) && !owners.Contains(owner))
            {
                errors.Add($"journeyStages[{i}].owner", $"'{owner}' is not a process owner.");
            }
        }

        for (var i = 0; i < options.Processes.Count; i++)
        {
            var process = options.Processes[i];
            if (!string.IsNullOrWhiteSpace(process.Owner) && !owners.Contains(process.Owner))
            {
                errors.Add($"processes[{i}].owner", $"'{process.Owner}' is not a process owner.");
            }

            if (!string.IsNullOrWhiteSpace(process.JourneyStage) && !stages.Contains(process.JourneyStage))
            {
                errors.Add($"processes[{i}].journeyStage", $"'{process.JourneyStage}' is not a journey stage.");
            }
        }

        for (var i = 0; i < options.CategorizationCodes.Count; i++)
        {
            if (!processes.Contains(options.CategorizationCodes[i].Process))
            {
                errors.Add($"categorizationCodes[{i}].process", $"'{options.CategorizationCodes[i].Process}' is not a process.");
            }
        }

        foreach (var kind in Enum.GetValues<InteractionKind>().Where(k => k != InteractionKind.SystemChange && !k.IsInternal()))
        {
            var at = $"stageByKind.{EnumNames<InteractionKind>.Name(kind)}";
            if (!options.StageByKind.TryGetValue(kind, out var stage))
            {
                errors.Add(at, "is missing.");
            }
            else if (!stages.Contains(stage))
            {
                errors.Add(at, $"'{stage}' is not a journey stage.");
            }
        }
    }
}
