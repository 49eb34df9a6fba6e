using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Notifications;
using HealthGrid.Domain.Sla;
using static HealthGrid.Tests.Domain.Notifications.Rules;
using static HealthGrid.Tests.Domain.Sla.Calendars;

namespace HealthGrid.Tests.Domain.Notifications;

public sealed class NotificationPlannerTests
{
    private static readonly Dictionary<string, BusinessCalendar> NoCalendars = [];

    // Tuesday 2026-11-24 10:00 UTC: 11:00 in Amsterdam, open.
    private static readonly DateTimeOffset Open = Utc(2026, 11, 24, 10);

    // Tuesday 2026-11-24 22:00 UTC: 23:00 in Amsterdam, closed until Wednesday 08:00 local (07:00 UTC).
    private static readonly DateTimeOffset Night = Utc(2026, 11, 24, 22);

    [Fact]
    public void Steps_go_to_the_recipients_contact_points_of_their_kinds_after_their_delays()
    {
        var plan = NotificationPlanner.Decide(Raised(AlertSeverity.High, Open), Escalating(), NoCalendars, Open);

        Assert.Null(plan.Settlement);
        var only = Assert.Single(plan.Planned);
        Assert.Equal(("team:team-emea", "emea-teams", ChannelKind.Teams, Open), (only.Recipient, only.ContactPoint, only.Channel, only.DueAt));
        Assert.True(only.StopsOnAcknowledge);
        Assert.Equal("raised.high", only.Transition);
    }

    [Fact]
    public void A_critical_alert_also_pages_after_fifteen_minutes()
    {
        var plan = NotificationPlanner.Decide(Raised(AlertSeverity.Critical, Open), Escalating(), NoCalendars, Open);

        Assert.Equal(
            [("emea-teams", Open), ("emea-pager", Open.AddMinutes(15))],
            plan.Planned.Select(p => (p.ContactPoint, p.DueAt)));
    }

    [Theory]
    [InlineData(TeamDelivery.Channel, new[] { "team:team-emea/emea-teams" })]
    [InlineData(TeamDelivery.Members, new[] { "user:sup-emea/morgan-mail" })]
    [InlineData(TeamDelivery.Both, new[] { "team:team-emea/emea-teams", "user:sup-emea/morgan-mail" })]
    public void A_team_is_reached_through_its_channel_its_members_or_both(TeamDelivery delivery, string[] expected)
    {
        var plan = NotificationPlanner.Decide(Raised(AlertSeverity.High, Open), Escalating(delivery: delivery), NoCalendars, Open);

        Assert.Equal(expected, plan.Planned.Select(p => $"{p.Recipient}/{p.ContactPoint}").Order());
    }

    [Fact]
    public void A_member_is_notified_by_the_steps_of_their_own_contact_points()
    {
        var plan = NotificationPlanner.Decide(Raised(AlertSeverity.High, Open), Escalating(delivery: TeamDelivery.Members), NoCalendars, Open);

        // The member has e-mail only: the Teams step reaches nobody, the e-mail step after 5 min.
        Assert.Equal(Open.AddMinutes(5), Assert.Single(plan.Planned).DueAt);
    }

    [Fact]
    public void Quiet_hours_hold_a_non_critical_notification_until_the_calendar_opens()
    {
        var calendars = new Dictionary<string, BusinessCalendar> { ["amsterdam"] = Amsterdam() };

        var held = Assert.Single(NotificationPlanner.Decide(Raised(AlertSeverity.High, Night), Escalating("amsterdam"), calendars, Night).Planned);

        Assert.Equal(Utc(2026, 11, 25, 7), held.DueAt);
        Assert.Contains("quiet hours", held.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_critical_alert_overrides_quiet_hours()
    {
        var calendars = new Dictionary<string, BusinessCalendar> { ["amsterdam"] = Amsterdam() };

        var plan = NotificationPlanner.Decide(Raised(AlertSeverity.Critical, Night), Escalating("amsterdam"), calendars, Night);

        Assert.Equal(Night, plan.Planned.Single(p => p.ContactPoint == "emea-teams").DueAt);
    }

    [Fact]
    public void Quiet_hours_can_hold_critical_alerts_too_when_the_rule_says_so()
    {
        var options = Escalating("amsterdam");
        options.Rules[0].CriticalOverridesQuietHours = false;
        var calendars = new Dictionary<string, BusinessCalendar> { ["amsterdam"] = Amsterdam() };

        var plan = NotificationPlanner.Decide(Raised(AlertSeverity.Critical, Night), options, calendars, Night);

        Assert.Equal(Utc(2026, 11, 25, 7), plan.Planned.Single(p => p.ContactPoint == "emea-teams").DueAt);
    }

    [Fact]
    public void A_new_escalation_level_notifies_that_levels_audience()
    {
        var owner = new Audience(AudienceKind.ProcessOwner, "po-billing");
        var escalated = Raised(AlertSeverity.High, Open) with
        {
            Audiences = [new Audience(AudienceKind.Team, "team-emea"), owner],
            LevelAudience = owner,
            EscalationLevel = 1,
            UpdatedAt = Open.AddMinutes(15),
        };

        var plan = NotificationPlanner.Decide(escalated, Escalating(), NoCalendars, Open.AddMinutes(15));

        Assert.Equal(["owner:po-billing/billing-mail"], plan.Planned.Select(p => $"{p.Recipient}/{p.ContactPoint}"));
        Assert.StartsWith("escalated.", plan.Planned[0].Transition, StringComparison.Ordinal);
        Assert.Equal(Open.AddMinutes(20), plan.Planned[0].DueAt);
    }

    [Fact]
    public void Deciding_the_same_change_again_decides_the_same_ids()
    {
        var alert = Raised(AlertSeverity.Critical, Open);

        var first = NotificationPlanner.Decide(alert, Escalating(), NoCalendars, Open);
        var again = NotificationPlanner.Decide(alert with { Message = "updated text" }, Escalating(), NoCalendars, Open.AddMinutes(1));

        Assert.Equal(first.Planned.Select(p => p.Id), again.Planned.Select(p => p.Id));
    }

    [Fact]
    public void A_severity_reached_later_is_a_new_transition()
    {
        var high = NotificationPlanner.Decide(Raised(AlertSeverity.High, Open), Escalating(), NoCalendars, Open);
        var critical = NotificationPlanner.Decide(Raised(AlertSeverity.Critical, Open) with { UpdatedAt = Open.AddMinutes(2) }, Escalating(), NoCalendars, Open.AddMinutes(2));

        Assert.Empty(high.Planned.Select(p => p.Id).Intersect(critical.Planned.Select(p => p.Id)));
    }

    [Fact]
    public void History_older_than_the_lateness_limit_is_not_notified()
    {
        var plan = NotificationPlanner.Decide(Raised(AlertSeverity.Critical, Open), Escalating(), NoCalendars, Open.AddHours(2));

        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void An_acknowledgement_settles_and_its_follow_up_goes_to_pagers_only()
    {
        var acknowledged = AlertLifecycle.Act(Raised(AlertSeverity.Critical, Open), AlertState.Acknowledged, "po-billing", Open.AddMinutes(3), 2)!;

        var settlement = NotificationPlanner.Decide(acknowledged, Escalating(), NoCalendars, Open.AddMinutes(3)).Settlement!;

        Assert.Equal(NotificationTransitions.Acknowledged, settlement.Transition);
        Assert.True(settlement.FollowsUp(ChannelKind.PagerDuty));
        Assert.False(settlement.FollowsUp(ChannelKind.Teams));
        var followUp = settlement.FollowUp("team:team-emea", "emea-pager", ChannelKind.PagerDuty);
        Assert.Equal((Open.AddMinutes(3), false, "acknowledged by po-billing"), (followUp.DueAt, followUp.StopsOnAcknowledge, followUp.Reason));
    }

    [Fact]
    public void A_resolution_follows_up_on_every_channel()
    {
        var resolved = AlertLifecycle.Act(Raised(AlertSeverity.High, Open), AlertState.Resolved, "sup-emea", Open.AddMinutes(3), 2)!;

        var settlement = NotificationPlanner.Decide(resolved, Escalating(), NoCalendars, Open.AddMinutes(3)).Settlement!;

        Assert.All(Enum.GetValues<ChannelKind>(), channel => Assert.True(settlement.FollowsUp(channel)));
        Assert.Equal("resolved by sup-emea", settlement.FollowUp("team:team-emea", "emea-teams", ChannelKind.Teams).Reason);
    }

    [Fact]
    public void A_disabled_contact_point_is_skipped()
    {
        var options = Escalating();
        options.ContactPoints[0].Enabled = false;

        Assert.Empty(NotificationPlanner.Decide(Raised(AlertSeverity.High, Open), options, NoCalendars, Open).Planned);
    }

    [Fact]
    public void Rules_filter_by_type_and_audience_kind()
    {
        var options = Escalating();
        options.Rules[0].Types = [AlertType.Frustration];
        options.Rules[1].Audiences = [AudienceKind.Leadership];

        Assert.Empty(NotificationPlanner.Decide(Raised(AlertSeverity.Critical, Open), options, NoCalendars, Open).Planned);
    }

    [Fact]
    public void Message_ids_are_stable_and_opaque()
    {
        var id = NotificationIds.Of("a-1", "raised.high", "team:team-emea", "emea-teams");

        Assert.Equal(NotificationIds.MessageId(id), NotificationIds.MessageId(id));
        Assert.Matches("^msg_[0-9a-f]{32}$", NotificationIds.MessageId(id));
        Assert.NotEqual(NotificationIds.MessageId(id), NotificationIds.MessageId(id + "x"));
    }
}
