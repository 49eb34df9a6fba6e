using HealthGrid.Domain.Sources;

namespace HealthGrid.Tests.Domain.Sources;

public sealed class SourceFreshnessTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Min = TimeSpan.FromMinutes(1);

    private static readonly SourceExpectation Helpdesk = new() { Id = "zendesk:eu", Name = "the EU helpdesk", QuietAfter = 30 * Min, MaxLag = 5 * Min };

    public static TheoryData<string, Func<SourceState>, SourceExpectation?, DateTimeOffset, string?> Cases() => new()
    {
        { "fresh", () => Delivered(T0, lag: Min), Helpdesk, T0 + (29 * Min), null },
        { "quiet beyond its window", () => Delivered(T0, lag: Min), Helpdesk, T0 + (3 * 60 * Min), "no events from the EU helpdesk for 3 h" },
        { "lagging beyond its threshold", () => Delivered(T0, lag: 12 * Min), Helpdesk, T0 + Min, "events from the EU helpdesk arrive 12 min after they happen (more than 5 min)" },
        { "never delivered since expected", () => new SourceState { ExpectedSince = T0 }, Helpdesk, T0 + (45 * Min), "no events from the EU helpdesk since it was expected, 45 min ago" },
        { "nothing expected of it", () => Delivered(T0, lag: 12 * Min), null, T0 + (5 * 24 * 60 * Min), null },
        { "no lag threshold", () => Delivered(T0, lag: 12 * Min), new SourceExpectation { Id = "api:crm", QuietAfter = 30 * Min }, T0 + Min, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_source_is_stale_when_quiet_beyond_its_window_or_late_beyond_its_threshold(string situation, Func<SourceState> state, SourceExpectation? expectation, DateTimeOffset now, string? reason)
    {
        Assert.True(SourceFreshness.StaleReason(state(), expectation, now) == reason, $"{situation}: {SourceFreshness.StaleReason(state(), expectation, now)}");
    }

    [Fact]
    public void The_view_counts_the_last_hour_of_events_and_names_the_source()
    {
        var state = new SourceState();
        SourceFreshness.Add(state, new SourceReport(40, T0 - (90 * Min), T0 - (91 * Min), Min), T0 - (90 * Min));
        SourceFreshness.Add(state, new SourceReport(7, T0 - (10 * Min), T0 - (11 * Min), Min), T0 - (10 * Min));

        var view = SourceFreshness.View("zendesk:eu", state, Helpdesk, T0);

        Assert.Equal(("the EU helpdesk", 7L, 47L, false), (view.Name, view.EventsLastHour, view.Total, view.Stale));
        Assert.Equal(T0 - (10 * Min), view.LastReceivedAt);
    }

    [Fact]
    public void The_stale_alert_goes_to_the_operators_and_leadership_and_belongs_to_the_source()
    {
        var alert = SourceFreshness.Alert(SourceFreshness.AlertId("zendesk:eu", 2), "zendesk:eu", "the EU helpdesk", "no events from the EU helpdesk for 3 h", T0);
        Assert.Equal(["operators", "leadership"], alert.Audiences.Select(a => a.Group));
        Assert.Equal((HealthGrid.Domain.Alerts.AlertOwnerKind.Source, "zendesk:eu", HealthGrid.Domain.Alerts.AlertType.SourceStale), (alert.OwnerKind, alert.OwnerId, alert.Type));
        Assert.NotEqual(SourceFreshness.AlertId("zendesk:eu", 1), alert.Id);
    }

    private static SourceState Delivered(DateTimeOffset at, TimeSpan lag)
    {
        var state = new SourceState { ExpectedSince = at - TimeSpan.FromDays(1) };
        SourceFreshness.Add(state, new SourceReport(1, at, at - lag, lag), at);
        return state;
    }
}
