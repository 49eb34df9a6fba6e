using Microsoft.Extensions.Options;

namespace HealthGrid.Domain.Customers.Scoring;

/// <summary>Checks what data annotations cannot: that the model as a whole makes sense.</summary>
public sealed class HealthModelOptionsValidator : IValidateOptions<HealthModelOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthModelOptions options)
    {
        var errors = new List<string>();
        foreach (var component in Enum.GetValues<HealthComponent>())
        {
            if (!options.Components.ContainsKey(component))
            {
                errors.Add($"HealthModel:Components:{component} is missing.");
            }
        }

        if (options.Components.Values.Sum(c => c.Weight) <= 0)
        {
            errors.Add("HealthModel:Components weights must add up to more than 0.");
        }

        if (options.Bands.CriticalBelow >= options.Bands.AtRiskBelow)
        {
            errors.Add("HealthModel:Bands:CriticalBelow must be lower than AtRiskBelow.");
        }

        if (options.Churn.MediumAbove >= options.Churn.HighAbove)
        {
            errors.Add("HealthModel:Churn:MediumAbove must be lower than HighAbove.");
        }

        if (options.Churn.UsageShortHalfLifeDays >= options.Churn.UsageLongHalfLifeDays)
        {
            errors.Add("HealthModel:Churn:UsageShortHalfLifeDays must be shorter than UsageLongHalfLifeDays.");
        }

        if (options.Observations.TicketLoad.Values.Concat(options.Observations.ComplaintLoad.Values).Any(v => v < 0))
        {
            errors.Add("HealthModel:Observations ticket and complaint loads must not be negative.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
