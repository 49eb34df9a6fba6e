using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Notifications;
using HealthGrid.Grains.Notifications.Delivery;
using static HealthGrid.Tests.Domain.Notifications.Rules;

namespace HealthGrid.Tests.Domain.Notifications;

public sealed class NotificationOptionsValidatorTests
{
    private static readonly NotificationOptionsValidator Validator = new(() => ["amsterdam"], NotificationTexts.ParseError);

    [Fact]
    public void The_test_rules_are_valid()
    {
        var options = Escalating("amsterdam");
        options.ContactPoints.Add(new() { Id = "hook", Kind = ChannelKind.Webhook, Url = "https://hooks.example.org/x", Secrets = [Secret] });

        Assert.Empty(Validator.Check(options));
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_document_is_refused_at_the_field(string path, Action<NotificationOptions> breakIt)
    {
        var options = Escalating("amsterdam");
        options.ContactPoints.Add(new() { Id = "hook", Kind = ChannelKind.Webhook, Url = "https://hooks.example.org/x", Secrets = [Secret] });
        breakIt(options);

        Assert.Contains(path, Validator.Check(options).Select(e => e.Path));
    }

    public static TheoryData<string, Action<NotificationOptions>> Broken() => new()
    {
        { "dashboardUrl", o => o.DashboardUrl = "not a url" },
        { "contactPoints[5].id", o => o.ContactPoints.Add(new() { Id = "hook", Kind = ChannelKind.Slack, Url = "https://x" }) },
        { "contactPoints[0].url", o => o.ContactPoints[0].Url = "ftp://teams" },
        { "contactPoints[1].routingKey", o => o.ContactPoints[1].RoutingKey = null },
        { "contactPoints[2].to[0]", o => o.ContactPoints[2].To = ["not an address"] },
        { "contactPoints[2].to", o => o.ContactPoints[2].To = [] },
        { "contactPoints[4].secrets[0]", o => o.ContactPoints[4].Secrets = ["whsec_dG9vc2hvcnQ="] },
        { "contactPoints[4].secrets[0]", o => o.ContactPoints[4].Secrets = ["MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"] },
        { "contactPoints[4].secrets", o => o.ContactPoints[4].Secrets = [] },
        { "contactPoints[4].secrets", o => o.ContactPoints[4].Secrets = [Secret, Secret, Secret] },
        { "smtp.host", o => o.Smtp.Host = "" },
        { "recipients[0].audience", o => o.Recipients[0].Audience = "crew:emea" },
        { "recipients[1].audience", o => o.Recipients[1].Audience = "team:team-emea" },
        { "recipients[0].contactPoints[1]", o => o.Recipients[0].ContactPoints[1] = "nowhere" },
        { "recipients[0].members[0]", o => o.Recipients[0].Members = ["nobody"] },
        { "recipients[1].members", o => o.Recipients[1].Members = ["sup-emea"] },
        { "rules[1].id", o => o.Rules[1].Id = "escalating" },
        { "rules[0].steps", o => o.Rules[0].Steps = [] },
        { "rules[0].steps[1].channels", o => o.Rules[0].Steps[1].Channels = [] },
        { "rules[0].steps[1].after", o => o.Rules[0].Steps[1].After = TimeSpan.FromMinutes(-1) },
        { "rules[0].steps[1].after", o => o.Rules[0].Steps[0].After = TimeSpan.FromMinutes(10) },
        { "rules[0].quietHoursCalendar", o => o.Rules[0].QuietHoursCalendar = "mars" },
        { "retrySchedule[0]", o => o.RetrySchedule = [TimeSpan.Zero] },
        { "templates[0].body", o => o.Templates = [new() { Part = TemplatePart.Subject, Body = "{% if customer %}unclosed" }] },
        { "templates[0].body", o => o.Templates = [new() { Part = TemplatePart.Text, Body = " " }] },
        { "templates[0].body", o => o.Templates = [new() { Part = TemplatePart.Text, Body = new string('x', NotificationTemplates.MaxBodyLength + 1) }] },
        { "templates[0].type", o => o.Templates = [new() { Part = TemplatePart.DigestSubject, Type = AlertType.SlaBreach, Body = "{{ count }}" }] },
        { "templates[0].channel", o => o.Templates = [new() { Part = TemplatePart.Html, Channel = ChannelKind.Slack, Body = "<p>{{ message }}</p>" }] },
        { "templates[1]", o => o.Templates = [new() { Part = TemplatePart.Subject, Channel = ChannelKind.Slack, Body = "a" }, new() { Part = TemplatePart.Subject, Channel = ChannelKind.Slack, Body = "b" }] },
    };

    [Fact]
    public void The_most_specific_template_writes_the_part_and_a_type_beats_a_channel()
    {
        List<TemplateSettings> templates =
        [
            new() { Part = TemplatePart.Subject, Body = "any" },
            new() { Part = TemplatePart.Subject, Channel = ChannelKind.Slack, Body = "slack" },
            new() { Part = TemplatePart.Subject, Type = AlertType.SlaBreach, Body = "breach" },
            new() { Part = TemplatePart.Subject, Type = AlertType.SlaBreach, Channel = ChannelKind.Slack, Body = "breach in slack" },
            new() { Part = TemplatePart.Text, Type = AlertType.Frustration, Body = "frustrated" },
        ];

        Assert.Equal("breach in slack", NotificationTemplates.Pick(templates, TemplatePart.Subject, AlertType.SlaBreach, ChannelKind.Slack));
        Assert.Equal("breach", NotificationTemplates.Pick(templates, TemplatePart.Subject, AlertType.SlaBreach, ChannelKind.Email));
        Assert.Equal("slack", NotificationTemplates.Pick(templates, TemplatePart.Subject, AlertType.Frustration, ChannelKind.Slack));
        Assert.Equal("any", NotificationTemplates.Pick(templates, TemplatePart.Subject, AlertType.Frustration, ChannelKind.Teams));
        Assert.Null(NotificationTemplates.Pick(templates, TemplatePart.Text, AlertType.SlaBreach, ChannelKind.Teams));
        Assert.DoesNotContain(Validator.Check(new NotificationOptions { Templates = templates }), e => e.Path.StartsWith("templates", StringComparison.Ordinal));
    }
}
