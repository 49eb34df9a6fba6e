using HealthGrid.Domain.Cases;

namespace HealthGrid.Domain.Sla;

/// <summary>The clock math: due times, elapsed business time, pause and resume, completion, retargeting.</summary>
public static class SlaClocks
{
    public static SlaClock Start(SlaMetric metric, TimeSpan target, DateTimeOffset at, int cycle) => new()
    {
        Metric = metric,
        State = ClockState.Running,
        Target = target,
        Since = at,
        StartedAt = at,
        Cycle = cycle,
    };

    /// <summary>When the clock breaches if it keeps running; null unless running.</summary>
    public static DateTimeOffset? Due(SlaClock clock, BusinessCalendar calendar) =>
        clock.State == ClockState.Running ? calendar.Add(clock.Since, Remaining(clock.Target, clock.Accrued)) : null;

    public static TimeSpan Elapsed(SlaClock clock, BusinessCalendar calendar, DateTimeOffset at) =>
        clock.Accrued + (clock.State == ClockState.Running ? calendar.Elapsed(clock.Since, at) : TimeSpan.Zero);

    public static void Pause(SlaClock clock, BusinessCalendar calendar, DateTimeOffset at)
    {
        if (clock.State != ClockState.Running)
        {
            return;
        }

        clock.Accrued += calendar.Elapsed(clock.Since, at);
        clock.Since = at;
        clock.State = ClockState.Paused;
    }

    public static void Resume(SlaClock clock, DateTimeOffset at)
    {
        if (clock.State != ClockState.Paused)
        {
            return;
        }

        clock.Since = at;
        clock.State = ClockState.Running;
    }

    /// <summary>
    /// Stops the clock at <paramref name="at"/>, when what it waited for happened: met if that was within
    /// its target, breached otherwise (even when the breach timer never fired). A breach that fired on what
    /// was known at its deadline is taken back when the completion, arriving late, happened before it:
    /// returns true then. A completion cannot be earlier than the clock's last anchor.
    /// </summary>
    public static bool Complete(SlaClock clock, BusinessCalendar calendar, DateTimeOffset at)
    {
        if (!clock.IsActive)
        {
            return false;
        }

        at = at < clock.Since ? clock.Since : at;
        var elapsed = Elapsed(clock, calendar, at);
        var retracted = false;
        clock.CompletedAt = at;
        if (elapsed <= clock.Target)
        {
            retracted = clock.BreachedAt is not null;
            clock.BreachedAt = null;
        }
        else if (clock.BreachedAt is null)
        {
            clock.BreachedAt = calendar.Add(clock.Since, Remaining(clock.Target, clock.Accrued));
        }

        clock.Accrued = elapsed;
        clock.Since = at;
        clock.State = clock.BreachedAt is null ? ClockState.Met : ClockState.Breached;
        return retracted;
    }

    /// <summary>Stops a clock that no longer applies (the case was resolved before a response was due).</summary>
    public static void Cancel(SlaClock clock, BusinessCalendar calendar, DateTimeOffset at)
    {
        if (clock.IsActive)
        {
            clock.Accrued = Elapsed(clock, calendar, at);
            clock.Since = at;
            clock.State = clock.BreachedAt is null ? ClockState.Cancelled : ClockState.Breached;
            clock.CompletedAt = at;
        }
    }

    /// <summary>A policy change: the same anchors, a new target, applying at once.</summary>
    public static void Retarget(SlaClock clock, TimeSpan target) => clock.Target = target;

    /// <summary>The next thing this clock will fire (a warning, then the breach), if any.</summary>
    public static (SlaTimerKind Kind, int Step, DateTimeOffset DueAt)? NextTimer(SlaClock clock, SlaPolicy policy)
    {
        if (clock.State != ClockState.Running)
        {
            return null;
        }

        var warnings = policy.WarningPoints(clock.Target);
        if (clock.WarningsFired < warnings.Length)
        {
            var point = warnings[clock.WarningsFired];
            return (SlaTimerKind.Warning, clock.WarningsFired, policy.Calendar.Add(clock.Since, Remaining(point, clock.Accrued)));
        }

        return clock.BreachedAt is null ? (SlaTimerKind.Breach, 0, Due(clock, policy.Calendar)!.Value) : null;
    }

    private static TimeSpan Remaining(TimeSpan target, TimeSpan accrued) => target > accrued ? target - accrued : TimeSpan.Zero;
}
