using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers;

namespace HealthGrid.Storage.Projections;

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
