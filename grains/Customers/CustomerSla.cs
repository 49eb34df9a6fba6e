using HealthGrid.Alerts;
using HealthGrid.Cases;
using HealthGrid.Ingest;

namespace HealthGrid.Customers;

/// <summary>
/// A customer's SLA timing: one grain timer armed for the earliest upcoming deadline, warning or
/// escalation step, and a reminder while any exists so that a restart or failover re-activates the
/// customer (which then fires whatever became due meanwhile, marked late). Fired timers become
/// journaled events with deterministic ids: each fires once, in order with everything else.
/// </summary>
internal sealed class CustomerSla(CustomerModel customer, CustomerEvents events, CurrentCustomerRules rules, AlertMetrics metrics, TimeProvider time)
{
    private const int MaxRoundsPerFiring = 16;

    /// <summary>The due time the grain timer was last armed for, and when: timers due before that moment were overdue when first known.</summary>
    private (DateTimeOffset Due, DateTimeOffset At)? armed;

    /// <summary>Journals and applies every timer due now, repeating while firing makes more due (a warning, then the breach).</summary>
    public async Task<bool> FireDueAsync()
    {
        var now = time.GetUtcNow();
        for (var round = 0; round < MaxRoundsPerFiring; round++)
        {
            var due = CaseTimers.Due(customer.State.Cases.Values, rules.Now.Policies, now);
            if (due.Count == 0)
            {
                return true;
            }

            var firings = due.Select(ToEvent).ToArray();
            if (await events.RecordAsync(firings) is null)
            {
                return false;
            }

            foreach (var timer in due)
            {
                metrics.Fired(timer.Kind, timer.FiredAt - timer.DueAt, overdue: armed is not { } a || timer.DueAt < a.At);
            }
        }

        return true;
    }

    /// <summary>When the next timer is due, or null when the customer has none.</summary>
    public DateTimeOffset? Next() => CaseTimers.Next(customer.State.Cases.Values, rules.Now.Policies);

    /// <summary>The grain timer is armed for <paramref name="due"/>; remembered the first time, so the fire delay can tell on-time firings from catch-up.</summary>
    public void Armed(DateTimeOffset due)
    {
        if (armed?.Due != due)
        {
            armed = (due, time.GetUtcNow());
        }
    }

    private Interaction ToEvent(SlaTimerDetails timer) => new()
    {
        EventId = CaseTimers.EventId(customer.CustomerId, timer, CaseTimers.CycleOf(customer.State.Cases[timer.CaseId], timer)),
        CustomerId = customer.CustomerId,
        OccurredAt = timer.DueAt,
        ReceivedAt = timer.FiredAt,
        Channel = Channel.System,
        Kind = InteractionKind.SlaTimer,
        Timer = timer,
    };
}
