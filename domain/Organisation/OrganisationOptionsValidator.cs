using HealthGrid.Domain.Ingest;
using Microsoft.Extensions.Options;

namespace HealthGrid.Domain.Organisation;

/// <summary>Checks the organisation's references: every owner, process, stage and code named exists, and ids are unique.</summary>
public sealed class OrganisationOptionsValidator : IValidateOptions<OrganisationOptions>
{
    public ValidateOptionsResult Validate(string? name, OrganisationOptions options)
    {
        var errors = new List<string>();
        Unique(errors, "JourneyStages", options.JourneyStages.Select(s => s.Id));
        Unique(errors, "ProcessOwners", options.ProcessOwners.Select(o => o.Id));
        Unique(errors, "Processes", options.Processes.Select(p => p.Id));
        Unique(errors, "CategorizationCodes", options.CategorizationCodes.Select(c => c.Code));

        var stages = options.JourneyStages.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var owners = options.ProcessOwners.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var processes = options.Processes.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var stage in options.JourneyStages.Where(s => !string.IsNullOrWhiteSpace(s.Owner) && !owners.Contains(s.Owner!)))
        {
            errors.Add($"JourneyStages:{stage.Id}:Owner '{stage.Owner}' is not a process owner.");
        }

        foreach (var process in options.Processes)
        {
            if (!string.IsNullOrWhiteSpace(process.Owner) && !owners.Contains(process.Owner!))
            {
                errors.Add($"Processes:{process.Id}:Owner '{process.Owner}' is not a process owner.");
            }

            if (!string.IsNullOrWhiteSpace(process.JourneyStage) && !stages.Contains(process.JourneyStage!))
            {
                errors.Add($"Processes:{process.Id}:JourneyStage '{process.JourneyStage}' is not a journey stage.");
            }
        }

        foreach (var code in options.CategorizationCodes.Where(c => !processes.Contains(c.Process)))
        {
            errors.Add($"CategorizationCodes:{code.Code}:Process '{code.Process}' is not a process.");
        }

        foreach (var kind in Enum.GetValues<InteractionKind>().Where(k => k != InteractionKind.SystemChange && !k.IsInternal()))
        {
            if (!options.StageByKind.TryGetValue(kind, out var stage))
            {
                errors.Add($"StageByKind:{kind} is missing.");
            }
            else if (!stages.Contains(stage))
            {
                errors.Add($"StageByKind:{kind} '{stage}' is not a journey stage.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Unique(List<string> errors, string section, IEnumerable<string> ids)
    {
        foreach (var duplicate in ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"{section}: '{duplicate.Key}' appears more than once.");
        }
    }
}
