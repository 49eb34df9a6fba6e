using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Sla;
using static HealthGrid.Tests.Domain.Sla.Calendars;

namespace HealthGrid.Tests.Domain.Sla;

public sealed class SlaClockTests
{
    private static readonly DateTimeOffset Start = Utc(2026, 11, 24, 9);

    private static SlaPolicy Policy(BusinessCalendar calendar, params SlaWarningSettings[] warnings) =>
        new(new SlaPolicySettings { Id = "p", Calendar = calendar.Id, Warnings = [.. warnings] }, calendar);

    [Fact]
    public void A_running_clock_is_due_after_its_target_in_business_time()
    {
        var clock = SlaClocks.Start(SlaMetric.Resolution, H(4), Start, 0);
        Assert.Equal(Start + H(4), SlaClocks.Due(clock, BusinessCalendar.TwentyFourSeven()));
        // 10:00 local + 4 h business time in Amsterdam is 14:00 local.
        Assert.Equal(Utc(2026, 11, 24, 13), SlaClocks.Due(clock, Amsterdam()));
    }

    [Fact]
    public void Pausing_stops_the_clock_and_resuming_continues_where_it_stopped()
    {
        var calendar = BusinessCalendar.TwentyFourSeven();
        var clock = SlaClocks.Start(SlaMetric.Resolution, H(4), Start, 0);
        SlaClocks.Pause(clock, calendar, Start + H(1));
        Assert.Null(SlaClocks.Due(clock, calendar));
        Assert.Equal(H(1), SlaClocks.Elapsed(clock, calendar, Start + H(30)));

        SlaClocks.Resume(clock, Start + H(10));
        Assert.Equal(Start + H(13), SlaClocks.Due(clock, calendar));
        Assert.Equal(H(2), SlaClocks.Elapsed(clock, calendar, Start + H(11)));
    }

    [Fact]
    public void Pausing_twice_or_resuming_a_running_clock_changes_nothing()
    {
        var calendar = BusinessCalendar.TwentyFourSeven();
        var clock = SlaClocks.Start(SlaMetric.Resolution, H(4), Start, 0);
        SlaClocks.Resume(clock, Start + H(2));
        Assert.Equal(Start + H(4), SlaClocks.Due(clock, calendar));
        SlaClocks.Pause(clock, calendar, Start + H(1));
        SlaClocks.Pause(clock, calendar, Start + H(3));
        Assert.Equal(H(1), clock.Accrued);
    }

    [Fact]
    public void A_pause_outside_business_hours_accrues_nothing()
    {
        var calendar = Amsterdam();
        // Started Friday 17:00 local, paused over the weekend, resumed Monday 08:00 local.
        var clock = SlaClocks.Start(SlaMetric.Resolution, H(4), Utc(2026, 11, 27, 16), 0);
        SlaClocks.Pause(clock, calendar, Utc(2026, 11, 28, 12));
        Assert.Equal(H(1), clock.Accrued);
        SlaClocks.Resume(clock, Utc(2026, 11, 30, 7));
        Assert.Equal(Utc(2026, 11, 30, 10), SlaClocks.Due(clock, calendar));
    }

    [Fact]
    public void Completing_within_the_target_is_met_and_after_it_is_breached_at_the_due_time()
    {
        var calendar = BusinessCalendar.TwentyFourSeven();
        var met = SlaClocks.Start(SlaMetric.FirstResponse, H(1), Start, 0);
        SlaClocks.Complete(met, calendar, Start + TimeSpan.FromMinutes(59));
        Assert.Equal(ClockState.Met, met.State);
        Assert.Null(met.BreachedAt);

        var late = SlaClocks.Start(SlaMetric.FirstResponse, H(1), Start, 0);
        SlaClocks.Complete(late, calendar, Start + H(3));
        Assert.Equal(ClockState.Breached, late.State);
        Assert.Equal(Start + H(1), late.BreachedAt);
        Assert.Equal(H(3), late.Accrued);
    }

    [Fact]
    public void A_cancelled_clock_keeps_a_breach_that_already_happened()
    {
        var calendar = BusinessCalendar.TwentyFourSeven();
        var clock = SlaClocks.Start(SlaMetric.NextResponse, H(1), Start, 0);
        SlaClocks.Cancel(clock, calendar, Start + H(0.5));
        Assert.Equal((ClockState.Cancelled, H(0.5)), (clock.State, clock.Accrued));

        var breached = SlaClocks.Start(SlaMetric.NextResponse, H(1), Start, 0);
        breached.BreachedAt = Start + H(1);
        SlaClocks.Cancel(breached, calendar, Start + H(2));
        Assert.Equal(ClockState.Breached, breached.State);
    }

    [Fact]
    public void A_policy_change_keeps_the_anchors_and_applies_the_new_target_at_once()
    {
        var calendar = BusinessCalendar.TwentyFourSeven();
        var clock = SlaClocks.Start(SlaMetric.Resolution, H(8), Start, 0);
        SlaClocks.Pause(clock, calendar, Start + H(1));
        SlaClocks.Resume(clock, Start + H(5));

        SlaClocks.Retarget(clock, H(4));
        Assert.Equal(Start + H(8), SlaClocks.Due(clock, calendar));

        // A target already used up (1 h accrued before the pause) is due at once: the breach fires on the next timer.
        SlaClocks.Retarget(clock, TimeSpan.FromMinutes(30));
        Assert.Equal(Start + H(5), SlaClocks.Due(clock, calendar));
    }

    [Fact]
    public void Warnings_come_in_order_before_the_breach_and_only_inside_the_target()
    {
        var policy = Policy(BusinessCalendar.TwentyFourSeven(),
            new SlaWarningSettings { Before = TimeSpan.FromMinutes(30) },
            new SlaWarningSettings { Percent = 75 },
            new SlaWarningSettings { Percent = 100 },
            new SlaWarningSettings { Before = H(9) });
        Assert.Equal([H(3), H(3.5)], policy.WarningPoints(H(4)));

        var clock = SlaClocks.Start(SlaMetric.Resolution, H(4), Start, 0);
        Assert.Equal((SlaTimerKind.Warning, 0, Start + H(3)), SlaClocks.NextTimer(clock, policy));
        clock.WarningsFired = 1;
        Assert.Equal((SlaTimerKind.Warning, 1, Start + H(3.5)), SlaClocks.NextTimer(clock, policy));
        clock.WarningsFired = 2;
        Assert.Equal((SlaTimerKind.Breach, 0, Start + H(4)), SlaClocks.NextTimer(clock, policy));
        clock.BreachedAt = Start + H(4);
        Assert.Null(SlaClocks.NextTimer(clock, policy));
    }

    [Fact]
    public void Warnings_are_in_business_time()
    {
        var policy = Policy(Amsterdam(), new SlaWarningSettings { Percent = 50 });
        // Friday 16:00 local, 4 h target: the half-way warning is Friday 18:00 local, the breach Monday 10:00 local.
        var clock = SlaClocks.Start(SlaMetric.Resolution, H(4), Utc(2026, 11, 27, 15), 0);
        Assert.Equal(Utc(2026, 11, 27, 17), SlaClocks.NextTimer(clock, policy)!.Value.DueAt);
        clock.WarningsFired = 1;
        Assert.Equal(Utc(2026, 11, 30, 9), SlaClocks.NextTimer(clock, policy)!.Value.DueAt);
    }

    [Fact]
    public void A_paused_clock_has_no_timer()
    {
        var policy = Policy(BusinessCalendar.TwentyFourSeven());
        var clock = SlaClocks.Start(SlaMetric.Resolution, H(4), Start, 0);
        SlaClocks.Pause(clock, policy.Calendar, Start + H(1));
        Assert.Null(SlaClocks.NextTimer(clock, policy));
    }
}
