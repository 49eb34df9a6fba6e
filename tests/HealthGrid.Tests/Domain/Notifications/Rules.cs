using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Notifications;

namespace HealthGrid.Tests.Domain.Notifications;

/// <summary>Notification settings and alerts for the planner's tests: Teams at once, e-mail after 5 min, PagerDuty after 15 min for critical.</summary>
internal static class Rules
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    public static NotificationOptions Escalating(string? quietCalendar = null, TeamDelivery delivery = TeamDelivery.Channel) => new()
    {
        ContactPoints =
        [
            new() { Id = "emea-teams", Kind = ChannelKind.Teams, Url = "http://127.0.0.1:9/teams" },
            new() { Id = "emea-pager", Kind = ChannelKind.PagerDuty, Url = "http://127.0.0.1:9/pd", RoutingKey = "R0UT1NGKEY" },
            new() { Id = "morgan-mail", Kind = ChannelKind.Email, To = ["morgan@example.org"] },
            new() { Id = "billing-mail", Kind = ChannelKind.Email, To = ["po-billing@example.org"] },
        ],
        Smtp = new SmtpSettings { Host = "127.0.0.1" },
        Recipients =
        [
            new() { Audience = "team:team-emea", ContactPoints = ["emea-teams", "emea-pager"], Members = ["sup-emea"], Delivery = delivery },
            new() { Audience = "user:sup-emea", ContactPoints = ["morgan-mail"] },
            new() { Audience = "owner:po-billing", ContactPoints = ["billing-mail"] },
        ],
        Rules =
        [
            new()
            {
                Id = "escalating",
                QuietHoursCalendar = quietCalendar,
                Steps =
                [
                    new() { After = TimeSpan.Zero, Channels = [ChannelKind.Teams] },
                    new() { After = TimeSpan.FromMinutes(5), Channels = [ChannelKind.Email] },
                ],
            },
            new()
            {
                Id = "paging",
                Severities = [AlertSeverity.Critical],
                Steps = [new() { After = TimeSpan.FromMinutes(15), Channels = [ChannelKind.PagerDuty] }],
            },
        ],
    };

    public static Alert Raised(AlertSeverity severity, DateTimeOffset at, params Audience[] audiences) => new()
    {
        Id = "sla-breach.c-1.T-1.first_response.0",
        Type = AlertType.SlaBreach,
        Severity = severity,
        State = AlertState.Raised,
        Message = "First response of case T-1 breached.",
        Audiences = audiences.Length > 0 ? audiences : [new Audience(AudienceKind.Team, "team-emea")],
        OwnerKind = AlertOwnerKind.Customer,
        OwnerId = "c-1",
        CustomerId = "c-1",
        CaseId = "T-1",
        RaisedAt = at,
        UpdatedAt = at,
        Version = 1,
    };
}
