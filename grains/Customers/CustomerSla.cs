using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using HealthGrid.Storage.Projections;

namespace HealthGrid.Grains.Customers;

/// <summary>
/// A customer's timing: one grain timer armed for the earliest upcoming SLA deadline, warning or
/// escalation step, or live conversation going idle. While an SLA timer exists the customer also
/// holds a reminder and its next SLA timer is in the store's index, so that a restart or failover
/// re-activates it (and it fires whatever became due meanwhile, marked late). Idle conversations
/// need neither: every live message moves them, and a reminder registered and dropped per
/// conversation would cost storage writes on the hottest path; after a restart they end when the
/// customer next activates, and dashboards drop idle conversations on their own. Fired timers become
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

    /// <summary>The next timer as last published to the store's timer index, which failover reads.</summary>
    private (bool Known, DateTimeOffset? At) published;

    /// <summary>Fires what is due, then arms for what comes next (soon again when the journal failed).</summary>
    public async Task FireAsync()
    {
        var fired = await FireDueAsync();
        await ScheduleAsync(retrySoon: !fired);
    }

    /// <summary>No more timing (the customer was erased): the timer is disposed, the reminder and the open-case registration go.</summary>
    public async Task StopAsync()
    {
        timer?.Dispose();
        timer = null;
        TrackOpenCases(false);
        if (await grain.GetReminder(ReminderName) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }

        customer.State.SlaReminder = false;
    }

    /// <summary>Arms the timer for the next SLA deadline or idle conversation, and keeps a reminder while an SLA timer exists.</summary>
    public async Task ScheduleAsync(bool retrySoon = false)
    {
        var state = customer.State;
        var sla = CaseTimers.Next(state.Cases.Values, services.Rules.Now.Policies);
        var next = Earliest(sla, FrustrationAlerts.NextIdle(state, services.Rules.Now.Alerts));
        TrackOpenCases(state.Cases.Values.Any(c => c.IsOpen));
        PublishNextTimer(sla);

        // The grain timer is armed before the reminder call is awaited, at the moment the timers are
        // known, so that a deadline is never measured from when the reminder service answered.
        Arm(next, retrySoon);
        await KeepReminderAsync(sla is not null);
    }

    private void Arm(DateTimeOffset? next, bool retrySoon)
    {
        if (next is null)
        {
            timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        if (armed?.Due != next)
        {
            armed = (next.Value, services.Time.GetUtcNow());
        }

        var due = retrySoon ? RetryAfterJournalFailure : next.Value - services.Time.GetUtcNow();
        timer ??= grain.RegisterGrainTimer(() => run(FireAsync), new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = false });
        timer.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private async Task KeepReminderAsync(bool needed)
    {
        var state = customer.State;
        if (needed && !state.SlaReminder)
        {
            var period = services.Rules.Now.Sla.ReminderPeriod;
            await grain.RegisterOrUpdateReminder(ReminderName, period, period);
            state.SlaReminder = true;
        }
        else if (!needed && state.SlaReminder)
        {
            if (await grain.GetReminder(ReminderName) is { } reminder)
            {
                await grain.UnregisterReminder(reminder);
            }

            state.SlaReminder = false;
        }
    }

    private void PublishNextTimer(DateTimeOffset? next)
    {
        if (!published.Known || published.At != next)
        {
            services.Publisher.Publish(new CustomerTimer(customer.CustomerId, next));
            published = (true, next);
        }
    }

    /// <summary>The silo-wide registry is shared by every customer: tell it only what changed.</summary>
    private void TrackOpenCases(bool hasOpenCases)
    {
        if (trackedOpen != hasOpenCases)
        {
            services.Active.TrackOpenCases(customer.CustomerId, hasOpenCases);
            trackedOpen = hasOpenCases;
        }
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>Journals and applies every timer due now, repeating while firing makes more due (a warning, then the breach).</summary>
    private async Task<bool> FireDueAsync()
    {
        var now = services.Time.GetUtcNow();
        for (var round = 0; round < MaxRoundsPerFiring; round++)
        {
            var due = CaseTimers.Due(customer.State.Cases.Values, services.Rules.Now.Policies, now);
            var idle = FrustrationAlerts.NextIdle(customer.State, services.Rules.Now.Alerts) is { } at && at <= now ? at : (DateTimeOffset?)null;
            if (due.Count == 0 && idle is null)
            {
                return true;
            }

            Interaction[] firing = [
                .. due.Select(t => CaseTimers.Event(customer.CustomerId, customer.State.Cases, t)),
                .. idle is { } quiet ? [FrustrationAlerts.IdleEvent(customer.CustomerId, quiet, now)] : Array.Empty<Interaction>(),
            ];
            if (await events.RecordAsync(firing) is null)
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
