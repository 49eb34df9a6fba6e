using System.Text.Json;
using FluentValidation;

namespace HealthGrid.Api.Infrastructure.Validation;

/// <summary>
/// How FluentValidation names fields and stops: by their JSON names and paths ("survey.score",
/// "dependencies[0].id"), and at a property's first failing rule (a missing id is "is required",
/// not also "may only contain…"). Set once, before any validator runs.
/// </summary>
public static class ValidationSetup
{
    private static int configured;

    public static void Configure()
    {
        if (Interlocked.Exchange(ref configured, 1) == 1)
        {
            return;
        }

        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
    }
}
