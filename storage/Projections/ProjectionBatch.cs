using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Notifications;

namespace HealthGrid.Storage.Projections;

/// <summary>
/// One flush of a silo's projections: the newest of each row, the new score changes, the dependencies of
/// profiles that changed, customers' next timers, and the notifications the alert changes require (in
/// the order they were decided), which commit with the alerts.
/// </summary>
public sealed record ProjectionBatch(
    IReadOnlyCollection<CustomerSummary> Summaries,
    IReadOnlyCollection<ScoreChange> Changes,
    IReadOnlyCollection<CaseView> Cases,
    IReadOnlyCollection<Alert> Alerts,
    IReadOnlyCollection<CustomerDependencies> Dependencies,
    IReadOnlyCollection<CustomerTimer> Timers,
    IReadOnlyList<NotificationDecision> Notifications)
{
    public static ProjectionBatch Of(IReadOnlyCollection<CustomerSummary> summaries, IReadOnlyCollection<ScoreChange> changes) => new(summaries, changes, [], [], [], [], []);
}
