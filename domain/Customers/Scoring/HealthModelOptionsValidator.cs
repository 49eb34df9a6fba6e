using HealthGrid.Domain.Configuration;
using HealthGrid.Domain.Wire;

namespace HealthGrid.Domain.Customers.Scoring;

/// <summary>Checks what data annotations cannot: that the model as a whole makes sense.</summary>
public sealed class HealthModelOptionsValidator : OptionsValidator<HealthModelOptions>
{
    protected override void Check(HealthModelOptions options, OptionErrors errors)
    {
        foreach (var component in Enum.GetValues<HealthComponent>().Where(c => !options.Components.ContainsKey(c)))
        {
            errors.Add($"components.{EnumNames<HealthComponent>.Name(component)}", "is missing.");
        }

        if (options.Components.Values.Sum(c => c.Weight) <= 0)
        {
            errors.Add("components", "the weights must add up to more than 0.");
        }

        if (options.Bands.CriticalBelow >= options.Bands.AtRiskBelow)
        {
            errors.Add("bands.criticalBelow", "must be lower than atRiskBelow.");
        }

        if (options.Churn.MediumAbove >= options.Churn.HighAbove)
        {
            errors.Add("churn.mediumAbove", "must be lower than highAbove.");
        }

        if (options.Churn.UsageShortHalfLifeDays >= options.Churn.UsageLongHalfLifeDays)
        {
            errors.Add("churn.usageShortHalfLifeDays", "must be shorter than usageLongHalfLifeDays.");
        }

        foreach (var (name, loads) in new[] { ("ticketLoad", options.Observations.TicketLoad), ("complaintLoad", options.Observations.ComplaintLoad) })
        {
            foreach (var (severity, load) in loads.Where(l => l.Value < 0))
            {
                errors.Add($"observations.{name}.{EnumNames<Ingest.Severity>.Name(severity)}", "must not be negative.");
            }
        }
    }
}
