using HealthGrid.Alerts;
using HealthGrid.Cases;
using HealthGrid.Customers;

namespace HealthGrid.Projections;

/// <summary>One flush of a silo's projections: the newest of each row, and the new score changes.</summary>
public sealed record ProjectionBatch(
    IReadOnlyCollection<CustomerSummary> Summaries,
    IReadOnlyCollection<ScoreChange> Changes,
    IReadOnlyCollection<CaseView> Cases,
    IReadOnlyCollection<Alert> Alerts)
{
    public static ProjectionBatch Of(IReadOnlyCollection<CustomerSummary> summaries, IReadOnlyCollection<ScoreChange> changes) => new(summaries, changes, [], []);
}
