
namespace HealthGrid.Domain.Customers.Scoring;

/// <summary>Logistic churn risk from operational lag indicators, with each factor's contribution to the log-odds.</summary>
public static class ChurnModel
{
    /// <summary>The risk with each factor's contribution, for reading a customer.</summary>
    public static ChurnRisk Evaluate(ChurnFeatures f, ChurnModelSettings c)
    {
        ChurnFactor[] factors =
        [
            new("support load", Round(f.SupportLoad), Round(c.SupportLoad * f.SupportLoad)),
            new("repeat contacts", Round(f.RepeatContacts), Round(c.RepeatContacts * f.RepeatContacts)),
            new("payment days late", Round(f.PaymentDaysLate), Round(c.PaymentDaysLate * f.PaymentDaysLate)),
            new("usage drop", Round(f.UsageDrop), Round(c.UsageDrop * f.UsageDrop)),
            new("score drop", Round(f.ScoreDrop), Round(c.ScoreDrop * f.ScoreDrop)),
            new("health deficit", Round(f.HealthDeficit), Round(c.HealthDeficit * f.HealthDeficit)),
        ];
        Array.Sort(factors, (a, b) => b.Contribution.CompareTo(a.Contribution));
        var (probability, level) = Score(f, c);
        return new ChurnRisk(probability, level, factors);
    }

    /// <summary>Probability and level only: what every event updates, without allocating the factors.</summary>
    public static (double Probability, ChurnLevel Level) Score(ChurnFeatures f, ChurnModelSettings c)
    {
        var z = c.Intercept
            + (c.SupportLoad * f.SupportLoad)
            + (c.RepeatContacts * f.RepeatContacts)
            + (c.PaymentDaysLate * f.PaymentDaysLate)
            + (c.UsageDrop * f.UsageDrop)
            + (c.ScoreDrop * f.ScoreDrop)
            + (c.HealthDeficit * f.HealthDeficit);
        var probability = 1 / (1 + Math.Exp(-z));
        var level = probability >= c.HighAbove ? ChurnLevel.High
            : probability >= c.MediumAbove ? ChurnLevel.Medium
            : ChurnLevel.Low;
        return (Math.Round(probability, 4), level);
    }

    private static double Round(double value) => Math.Round(value, 3);
}
