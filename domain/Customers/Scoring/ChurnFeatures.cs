namespace HealthGrid.Domain.Customers.Scoring;

/// <summary>The churn model's inputs; see <see cref="ChurnModelSettings"/>.</summary>
public readonly record struct ChurnFeatures(
    double SupportLoad,
    double RepeatContacts,
    double PaymentDaysLate,
    double UsageDrop,
    double ScoreDrop,
    double HealthDeficit);
