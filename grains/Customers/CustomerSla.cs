using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers;

namespace HealthGrid.Grains.Customers;

/// <summary>
/// A customer's SLA timing: one grain timer armed for the earliest upcoming deadline, warning or
/// escalation step, and a reminder while any exists so that a restart or failover re-activates the
/// customer (which then fires whatever became due meanwhile, marked late). Fired timers become
/// journaled events with deterministic ids: each fires once, in order with everything else.
/// </summary>
internal sealed class CustomerSla(IGrainBase grain, Func<Func<Task>, Task> run, CustomerModel customer, CustomerEvents events, CustomerServices services)
{
    public const string ReminderName = "sla";
    private const int MaxRoundsPerFiring = 16;
    private static readonly TimeSpan RetryAfterJournalFailure = TimeSpan.FromSeconds(1);
    private IGrainTimer? timer;

    /// <summary>The due time the grain timer was last armed for, and when: timers due before that moment were overdue when first known.</summary>
    private (DateTimeOffset Due, DateTimeOffset At)? armed;

    /// <summary>What the open-case registry was last told about this customer.</summary>
    private bool? trackedOpen;

    /// <summary>Fires what is due, then arms for what comes next (soon again when the journal failed).</summary>
    public async Task FireAsync()
    {
        var fired = await FireDueAsync();
        await ScheduleAsync(retrySoon: !fired);
    }

    /// <summary>Arms the timer for the next SLA deadline and keeps a reminder while there is one.</summary>
    public async Task ScheduleAsync(bool retrySoon = false)
    {
        var state = customer.State;
        var next = CaseTimers.Next(state.Cases.Values, services.Rules.Now.Policies);
        TrackOpenCases(state.Cases.Values.Any(c => c.IsOpen));
        if (next is null)
        {
            timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            if (state.SlaReminder)
            {
                if (await grain.GetReminder(ReminderName) is { } reminder)
                {
                    await grain.UnregisterReminder(reminder);
                }

                state.SlaReminder = false;
            }

            return;
        }

        if (armed?.Due != next)
        {
            armed = (next.Value, services.Time.GetUtcNow());
        }

        var due = retrySoon ? RetryAfterJournalFailure : next.Value - services.Time.GetUtcNow();
        timer ??= grain.RegisterGrainTimer(() => run(FireAsync), new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = false });
        timer.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        if (!state.SlaReminder)
        {
            var period = services.Rules.Now.Sla.ReminderPeriod;
            await grain.RegisterOrUpdateReminder(ReminderName, period, period);
            state.SlaReminder = true;
        }
    }

    /// <summary>The silo-wide registry is shared by every customer: tell it only what changed.</summary>
    private void TrackOpenCases(bool hasOpenCases)
    {
        if (trackedOpen != hasOpenCases)
        {
            services.OpenCases.Track(customer.CustomerId, hasOpenCases);
            trackedOpen = hasOpenCases;
        }
    }

    /// <summary>Journals and applies every timer due now, repeating while firing makes more due (a warning, then the breach).</summary>
    private async Task<bool> FireDueAsync()
    {
        var now = services.Time.GetUtcNow();
        for (var round = 0; round < MaxRoundsPerFiring; round++)
        {
            var due = CaseTimers.Due(customer.State.Cases.Values, services.Rules.Now.Policies, now);
            if (due.Count == 0)
            {
                return true;
            }

            if (await events.RecordAsync([.. due.Select(t => CaseTimers.Event(customer.CustomerId, customer.State.Cases, t))]) is null)
            {
                return false;
            }

            foreach (var timer in due)
            {
                services.AlertMetrics.Fired(timer.Kind, timer.FiredAt - timer.DueAt, overdue: armed is not { } a || timer.DueAt < a.At);
            }
        }

        return true;
    }
}
