using HealthGrid.Alerts;
using HealthGrid.Cases;
using HealthGrid.Customers;

namespace HealthGrid.Projections;

/// <summary>One flush of a silo's projections: the newest of each row, the new score changes, and the dependencies of profiles that changed.</summary>
public sealed record ProjectionBatch(
    IReadOnlyCollection<CustomerSummary> Summaries,
    IReadOnlyCollection<ScoreChange> Changes,
    IReadOnlyCollection<CaseView> Cases,
    IReadOnlyCollection<Alert> Alerts,
    IReadOnlyCollection<CustomerDependencies> Dependencies)
{
    public static ProjectionBatch Of(IReadOnlyCollection<CustomerSummary> summaries, IReadOnlyCollection<ScoreChange> changes) => new(summaries, changes, [], [], []);
}
