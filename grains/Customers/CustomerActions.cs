using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;

namespace HealthGrid.Grains.Customers;

/// <summary>
/// Acknowledging and resolving a customer's cases and alerts through the API: checked against the
/// live state, then journaled as internal events so that they replay with everything else.
/// </summary>
internal sealed class CustomerActions(CustomerModel customer, CustomerEvents events, CustomerServices services)
{
    private const string Unavailable = "the event store is unavailable; retry later";

    public async Task<CaseActionResult> OnCaseAsync(string caseId, CaseAction action, string by, string? note)
    {
        if (customer.Case(caseId, services.Rules.Now, services.Time.GetUtcNow()) is not { IsOpen: true } @case)
        {
            return new CaseActionResult(IngestStatus.Rejected, null, $"case '{caseId}' is not open");
        }

        var command = Internal(InteractionKind.CaseAction, $"case-action.{caseId}.{action}") with
        {
            CaseAction = new CaseActionDetails(caseId, action, by, note),
            JourneyStage = @case.JourneyStage,
        };
        return await events.RecordAsync([command]) is null
            ? new CaseActionResult(IngestStatus.Unavailable, null, Unavailable)
            : new CaseActionResult(IngestStatus.Accepted, customer.Case(caseId, services.Rules.Now, services.Time.GetUtcNow()) ?? services.Publisher.PendingCase(caseId), null);
    }

    public async Task<AlertActionResult> OnAlertAsync(string alertId, AlertState to, string by)
    {
        var alerts = customer.State.Alerts;
        if (!alerts.TryGetValue(alertId, out var alert) || AlertLifecycle.Act(alert, to, by, services.Time.GetUtcNow(), 0) is null)
        {
            return new AlertActionResult(IngestStatus.Rejected, null, $"alert '{alertId}' cannot move to {to.ToString().ToLowerInvariant()}");
        }

        var command = Internal(InteractionKind.AlertAction, $"alert-action.{alertId}.{to}") with { AlertAction = new AlertActionDetails(alertId, to, by) };
        return await events.RecordAsync([command]) is null
            ? new AlertActionResult(IngestStatus.Unavailable, null, Unavailable)
            : new AlertActionResult(IngestStatus.Accepted, alerts.GetValueOrDefault(alertId) ?? services.Publisher.PendingAlert(alertId), null);
    }

    private Interaction Internal(InteractionKind kind, string idPrefix)
    {
        var now = services.Time.GetUtcNow();
        return new Interaction
        {
            EventId = $"{idPrefix}.{Guid.NewGuid():N}",
            CustomerId = customer.CustomerId,
            OccurredAt = now,
            ReceivedAt = now,
            Channel = Channel.System,
            Kind = kind,
        };
    }
}
