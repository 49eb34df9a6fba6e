using System.Net;
using HealthGrid.Api.Auth;
using HealthGrid.Tests.Infrastructure;
using static HealthGrid.Tests.Api.Notifications.NotificationSetup;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Api.Notifications;

/// <summary>The delivery log is authorized like the alerts it belongs to, and shows contact points by id: no endpoint URL or secret in any read.</summary>
public sealed class NotificationAccessTests : NotificationTestBase
{
    [Fact]
    public async Task A_supervisor_sees_the_notifications_of_their_teams_alerts_and_nothing_else()
    {
        await ConfigureAsync(Silo.Http, Document(Silo.BaseAddress,
            [Webhook("emea-hook", Receiver.Url("emea/secret-path")), Webhook("apac-hook", Receiver.Url("apac/secret-path"))],
            [Recipient("team:team-emea", "emea-hook"), Recipient("team:team-apac", "apac-hook")],
            [Rule("all", Step("00:00:00", "webhook"))]));
        var emea = await RaiseFrustrationAsync(Silo.Http);
        var customer = await CreateCustomerAsync(Silo.Http, await CreateAccountAsync(Silo.Http));
        (await Silo.Http.PostJsonAsync("/api/v1/events", FrustratedLiveMessage(customer, "team-apac"))).EnsureSuccessStatusCode();
        await Receiver.NextAsync("/emea/secret-path");
        await Receiver.NextAsync("/apac/secret-path");
        await Eventually.Until(() => LogAsync(Silo.Http, "state=sent"), l => l.Count == 2, what: "both notifications to be sent");

        using var supervisor = Silo.ClientAs(new TokenRequest("sup-emea", "Morgan", [HealthGridRoles.Supervisor], Teams: ["team-emea"]));
        var seen = await LogAsync(supervisor, "");
        Assert.Equal([emea.Id], seen.Select(n => (string)n!["alertId"]!));
        var apacAlert = (string)(await LogAsync(Silo.Http, "recipient=team:team-apac"))[0]!["alertId"]!;
        Assert.Empty(await LogAsync(supervisor, $"alertId={Uri.EscapeDataString(apacAlert)}"));
        Assert.Empty(await LogAsync(supervisor, "recipient=team:team-apac"));

        using var planner = Silo.ClientAs(new TokenRequest("planner", "Planner", [HealthGridRoles.ContinuityPlanner]));
        using var refused = await planner.GetAsync("/api/v1/notifications");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var everything = await Silo.Http.GetStringAsync("/api/v1/notifications");
        Assert.DoesNotContain("secret-path", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(FirstSecret["whsec_".Length..], everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_filter_is_refused_naming_the_field()
    {
        using var response = await Silo.Http.GetAsync("/api/v1/notifications?channel=pigeon&state=lost");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"channel\"", text, StringComparison.Ordinal);
        Assert.Contains("\"state\"", text, StringComparison.Ordinal);
    }
}
