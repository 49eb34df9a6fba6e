using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Domain.Customers.Scoring;

/// <summary>
/// A logistic churn model over operational lag indicators: p = 1 / (1 + e^-z) with
/// z = Intercept + Σ coefficient·feature. Features: decayed support load, decayed repeat contacts,
/// decayed average days late on payments, usage drop (long-run minus short-run adoption, 0-1),
/// score drop over <see cref="ScoreDropWindowDays"/> (points / 100) and health deficit ((100 − score) / 100).
/// </summary>
public sealed class ChurnModelSettings
{
    public double Intercept { get; set; } = -3.2;

    public double SupportLoad { get; set; } = 0.15;

    public double RepeatContacts { get; set; } = 0.35;

    public double PaymentDaysLate { get; set; } = 0.06;

    public double UsageDrop { get; set; } = 4;

    public double ScoreDrop { get; set; } = 5;

    public double HealthDeficit { get; set; } = 2.5;

    [Range(0, 1)]
    public double MediumAbove { get; set; } = 0.2;

    [Range(0, 1)]
    public double HighAbove { get; set; } = 0.5;

    [Range(0.1, 365)]
    public double UsageShortHalfLifeDays { get; set; } = 7;

    [Range(0.1, 3650)]
    public double UsageLongHalfLifeDays { get; set; } = 60;

    [Range(1, 90)]
    public int ScoreDropWindowDays { get; set; } = 30;
}
