using HealthGrid.Domain.Sla;
using static HealthGrid.Tests.Domain.Sla.Calendars;

namespace HealthGrid.Tests.Domain.Sla;

public sealed class BusinessCalendarTests
{
    private static readonly string[] EveryDay = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    [Fact]
    public void Time_within_opening_hours_adds_as_is()
    {
        // Tuesday 2026-11-24 09:00 in Amsterdam (UTC+1).
        Assert.Equal(Utc(2026, 11, 24, 10), Amsterdam().Add(Utc(2026, 11, 24, 8), H(2)));
    }

    [Fact]
    public void Time_past_closing_continues_the_next_business_morning()
    {
        // Tuesday 17:00 local + 2 h: one hour today, one from 08:00 on Wednesday.
        Assert.Equal(Utc(2026, 11, 25, 8), Amsterdam().Add(Utc(2026, 11, 24, 16), H(2)));
    }

    [Fact]
    public void Weekends_are_skipped()
    {
        // Friday 2026-11-27 17:00 local + 2 h: Monday 09:00 local.
        Assert.Equal(Utc(2026, 11, 30, 8), Amsterdam().Add(Utc(2026, 11, 27, 16), H(2)));
    }

    [Fact]
    public void Holidays_are_skipped()
    {
        // Thursday 2026-12-24 17:00 local + 2 h: Christmas Day is closed, so Monday the 28th 09:00.
        Assert.Equal(Utc(2026, 12, 28, 8), Amsterdam().Add(Utc(2026, 12, 24, 16), H(2)));
    }

    [Fact]
    public void A_start_outside_hours_counts_from_the_next_opening()
    {
        // Saturday noon + 30 min: Monday 08:30 local.
        Assert.Equal(Utc(2026, 11, 30, 7, 30), Amsterdam().Add(Utc(2026, 11, 28, 11), TimeSpan.FromMinutes(30)));
        Assert.Equal(TimeSpan.Zero, Amsterdam().Elapsed(Utc(2026, 11, 28, 0), Utc(2026, 11, 30, 7)));
    }

    [Fact]
    public void The_offset_change_at_the_weekend_moves_the_opening_in_utc()
    {
        // Amsterdam springs forward on Sunday 2027-03-28: Friday 17:00 CET (16:00Z) + 2 h is Monday 09:00 CEST (07:00Z).
        Assert.Equal(Utc(2027, 3, 29, 7), Amsterdam().Add(Utc(2027, 3, 26, 16), H(2)));
        // And back on 2026-10-25: Friday 17:00 CEST (15:00Z) + 2 h is Monday 09:00 CET (08:00Z).
        Assert.Equal(Utc(2026, 10, 26, 8), Amsterdam().Add(Utc(2026, 10, 23, 15), H(2)));
    }

    [Fact]
    public void A_spring_forward_day_has_23_business_hours_and_a_fall_back_day_25()
    {
        var amsterdam = Build("Europe/Amsterdam", EveryDay, ["00:00-24:00"]);
        // 2027-03-28 00:00 CET is 23:00Z on the 27th; midnight after it (CEST) is 22:00Z on the 28th.
        Assert.Equal(H(23), amsterdam.Elapsed(Utc(2027, 3, 27, 23), Utc(2027, 3, 28, 22)));

        var chicago = Build("America/Chicago", EveryDay, ["00:00-24:00"]);
        // 2026-11-01 00:00 CDT is 05:00Z; the next midnight (CST) is 06:00Z on the 2nd.
        Assert.Equal(H(25), chicago.Elapsed(Utc(2026, 11, 1, 5), Utc(2026, 11, 2, 6)));
    }

    [Fact]
    public void Opening_hours_across_a_dst_change_agree_with_real_elapsed_time()
    {
        var amsterdam = Build("Europe/Amsterdam", EveryDay, ["00:00-24:00"]);
        var start = Utc(2027, 3, 27, 11);
        Assert.Equal(start + H(24), amsterdam.Add(start, H(24)));
    }

    [Fact]
    public void An_opening_time_skipped_by_spring_forward_opens_at_the_first_valid_instant()
    {
        // 02:30 does not exist in Amsterdam on 2027-03-28: the span opens at 03:00 CEST (01:00Z) and closes 05:00 CEST (03:00Z).
        var calendar = Build("Europe/Amsterdam", ["Sunday"], ["02:30-05:00"]);
        Assert.Equal(H(2), calendar.Elapsed(Utc(2027, 3, 27, 12), Utc(2027, 3, 28, 12)));
        Assert.Equal(Utc(2027, 3, 28, 1, 30), calendar.Add(Utc(2027, 3, 27, 12), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void An_opening_time_that_happens_twice_opens_at_its_first_occurrence()
    {
        // 01:30 happens twice in Chicago on 2026-11-01; the first is CDT (06:30Z). 03:00 CST is 09:00Z.
        var calendar = Build("America/Chicago", ["Sunday"], ["01:30-03:00"]);
        Assert.Equal(H(2.5), calendar.Elapsed(Utc(2026, 10, 31, 12), Utc(2026, 11, 1, 12)));
        Assert.Equal(Utc(2026, 11, 1, 6, 30), calendar.OpenIntervals(Utc(2026, 10, 31, 12)).First().Open);
    }

    [Fact]
    public void Several_spans_a_day_leave_the_gaps_out()
    {
        var calendar = Build("UTC", Weekdays, ["09:00-12:00", "13:00-17:00"]);
        Assert.Equal(Utc(2026, 11, 24, 13, 30), calendar.Add(Utc(2026, 11, 24, 11), H(1.5)));
        Assert.Equal(H(7), calendar.Elapsed(Utc(2026, 11, 24, 0), Utc(2026, 11, 25, 0)));
    }

    [Fact]
    public void Always_open_is_wall_clock_time()
    {
        var calendar = BusinessCalendar.TwentyFourSeven();
        Assert.Equal(Utc(2026, 11, 25, 9), calendar.Add(Utc(2026, 11, 24, 9), H(24)));
        Assert.Equal(H(24), calendar.Elapsed(Utc(2026, 11, 24, 9), Utc(2026, 11, 25, 9)));
    }

    [Fact]
    public void Elapsed_is_zero_backwards_and_add_of_nothing_is_the_start()
    {
        Assert.Equal(TimeSpan.Zero, Amsterdam().Elapsed(Utc(2026, 11, 24, 12), Utc(2026, 11, 24, 9)));
        Assert.Equal(Utc(2026, 11, 28, 12), Amsterdam().Add(Utc(2026, 11, 28, 12), TimeSpan.Zero));
    }

    [Theory]
    [InlineData("Europe/Amsterdam")]
    [InlineData("America/Chicago")]
    [InlineData("Asia/Kolkata")]
    public void Elapsed_undoes_add_for_any_start_and_duration(string zone)
    {
        var calendar = Build(zone, Weekdays, ["08:00-12:00", "13:00-18:30"], [new DateOnly(2026, 12, 25), new DateOnly(2027, 1, 1)]);
        var random = new Random(42);
        for (var i = 0; i < 500; i++)
        {
            var start = Utc(2026, 9, 1, 0) + TimeSpan.FromMinutes(random.Next(0, 60 * 24 * 240));
            var business = TimeSpan.FromMinutes(random.Next(1, 60 * 80));
            var end = calendar.Add(start, business);
            Assert.Equal(business, calendar.Elapsed(start, end));
            Assert.True(end > start);
        }
    }

    [Fact]
    public void Bad_calendars_say_what_is_wrong()
    {
        var zone = Assert.Throws<ArgumentException>(() => SlaCalendars.Build(Settings("Mars/Olympus", Weekdays, ["08:00-18:00"])));
        Assert.Contains("unknown time zone 'Mars/Olympus'", zone.Message, StringComparison.Ordinal);
        var span = Assert.Throws<ArgumentException>(() => SlaCalendars.Build(Settings("UTC", Weekdays, ["18:00-08:00"])));
        Assert.Contains("'18:00-08:00' is not a span", span.Message, StringComparison.Ordinal);
        var never = Assert.Throws<ArgumentException>(() => SlaCalendars.Build(new SlaCalendarSettings { Id = "closed", TimeZone = "UTC" }));
        Assert.Contains("never open", never.Message, StringComparison.Ordinal);
    }
}
