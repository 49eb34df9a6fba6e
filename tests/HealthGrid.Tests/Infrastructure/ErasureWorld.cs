using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Audit;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Live;
using HealthGrid.Domain.Privacy;
using HealthGrid.Grains.Activity;
using HealthGrid.Grains.Projections;
using HealthGrid.Storage.Audit;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Infrastructure;

/// <summary>
/// A customer with something of everything HealthGrid keeps — contacts, events of every kind with texts,
/// a case acted on with a note, alerts (one acknowledged), a live conversation, a continuity result, an
/// export and profile changes in the audit log — next to a customer of the same account, stage and
/// site that stays; with the tallies as they were before the erased customer existed. Both modes'
/// erasure tests run it on a silo of their own, so that the tallies are nobody else's.
/// </summary>
public sealed class ErasureWorld
{
    private ErasureWorld(InProcessSilo silo, string account, string site, string kept, string erased)
    {
        Silo = silo;
        Account = account;
        Site = site;
        Kept = kept;
        Erased = erased;
        Name = $"Erasable {erased}";
        Email = $"jo.{erased}@erasable.example";
        Words = $"secret words of {erased}";
    }

    public InProcessSilo Silo { get; }

    public string Account { get; }

    public string Site { get; }

    public string Kept { get; }

    public string Erased { get; }

    public string Name { get; }

    public string Email { get; }

    /// <summary>Words in every text the erased customer sent.</summary>
    public string Words { get; }

    public string Ticket { get; } = NewId("T");

    public string Conversation { get; } = NewId("conv");

    public string? RunId { get; private set; }

    /// <summary>The stage, owner and account views before the erased customer existed.</summary>
    public string[] TalliesBefore { get; private set; } = [];

    /// <summary>What identifies the erased customer: none of it may be found anywhere after the erasure.</summary>
    public string[] Traces => [Erased, Name, Email, Words, "+44 20 7946 0958"];

    private HttpClient Http => Silo.Http;

    public static async Task<ErasureWorld> CreateAsync(InProcessSilo silo)
    {
        var http = silo.Http;
        var account = await CreateAccountAsync(http);
        var site = NewId("site");
        var kept = NewId("kept");
        var world = new ErasureWorld(silo, account, site, kept, NewId("gone"));
        await world.PutAsync(kept, "Kept customer", contacts: []);
        await world.PostAsync([Complaint(kept), Survey(kept, "csat", 4), Message(kept, "A kept customer's words.", live: false)]);
        world.TalliesBefore = await world.TalliesAsync();

        await world.PutAsync(world.Erased, world.Name, [new { name = "Jo Erasable", role = "buyer", email = world.Email, phone = "+44 20 7946 0958", escalationOrder = 1 }]);
        await world.PutAsync(world.Erased, world.Name, [new { name = "Jo Erasable", role = "champion", email = world.Email, phone = "+44 20 7946 0958", escalationOrder = 1 }]);
        await world.SendEverythingAsync();
        await world.ActAsync();
        (await http.PutJsonAsync($"/api/v1/identities/email-domain/{world.Erased}.example", new { customerId = world.Erased })).EnsureSuccessStatusCode();
        world.RunId = (await ContinuityRunAsync(world)).Id;
        (await http.GetAsync($"/api/v1/customers/{world.Erased}/export")).EnsureSuccessStatusCode();
        Assert.NotEqual(world.TalliesBefore, await world.TalliesAsync());
        return world;
    }

    /// <summary>The stage, owner and account views once this silo's tallies and projections are written.</summary>
    public async Task<string[]> TalliesAsync()
    {
        await Silo.Service<ActivityAggregator>().RunNowAsync();
        await Silo.Service<ProjectionPublisher>().FlushAsync();
        string[] paths = ["/api/v1/journey-stages/billing", "/api/v1/journey-stages/support", "/api/v1/process-owners/po-billing", $"/api/v1/accounts/{Account}"];
        var views = new List<string>();
        foreach (var path in paths)
        {
            views.Add((await Http.GetJsonAsync<JsonNode>(path)).ToJsonString());
        }

        return [.. views];
    }

    /// <summary>The kept customer's view, but for the moment it was computed at.</summary>
    public Task<string> KeptViewAsync() => ViewAsync(Http, Kept);

    /// <summary>A customer's view, but for the moment it was computed at.</summary>
    public static async Task<string> ViewAsync(HttpClient http, string customerId)
    {
        var view = await http.GetJsonAsync<JsonNode>($"/api/v1/customers/{customerId}");
        view["health"]!.AsObject().Remove("asOf");
        return view.ToJsonString();
    }

    public async Task<ErasureReport> EraseAsync()
    {
        using var response = await Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/customers/{Erased}")
        {
            Content = JsonContent.Create(new { reason = "GDPR art. 17 request, ticket PRIV-7" }),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<ErasureReport>();
    }

    /// <summary>Every read surface answers as if the customer never existed, the audit chain holds and keeps none of it.</summary>
    public async Task AssertGoneFromTheApiAsync()
    {
        await Silo.Service<ProjectionPublisher>().FlushAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/v1/customers/{Erased}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/v1/cases/{Ticket}")).StatusCode);
        Assert.Empty((await Http.GetJsonAsync<CasePage>($"/api/v1/cases?customerId={Erased}")).Items);
        Assert.DoesNotContain((await Http.GetJsonAsync<AlertPage>("/api/v1/alerts?limit=500")).Items, a => a.CustomerId == Erased);
        Assert.DoesNotContain(await Http.GetJsonAsync<LiveInteractionView[]>("/api/v1/interactions/live"), c => c.CustomerId == Erased);
        var run = await Http.GetJsonAsync<ImpactPage>($"/api/v1/continuity/runs/{RunId}/customers?limit=500");
        Assert.Equal([Kept], run.Items.Select(r => r.Impact.CustomerId));
        var notifications = await Http.GetStringAsync("/api/v1/notifications?limit=500");
        var audit = await Http.GetStringAsync("/api/v1/audit?limit=500");
        foreach (var trace in Traces)
        {
            Assert.DoesNotContain(trace, notifications, StringComparison.Ordinal);
            Assert.DoesNotContain(trace, audit, StringComparison.Ordinal);
        }

        var profiles = (await Http.GetJsonAsync<AuditPage>($"/api/v1/audit?action={AuditActions.CustomerProfile}&object=customer/[erased]")).Items;
        Assert.Equal(2, profiles.Length);
        Assert.All(profiles, p => Assert.Null(p.Details));
        var erasure = (await Http.GetJsonAsync<AuditPage>($"/api/v1/audit?action={AuditActions.Erasure}")).Items.Single();
        Assert.Equal((TestAuth.Admin.Subject, "customer/[erased]"), (erasure.Actor, erasure.Object));
        Assert.Contains(AuditChain.Digest(Erased)!, erasure.Details, StringComparison.Ordinal);
        Assert.Contains("PRIV-7", erasure.Details, StringComparison.Ordinal);
        Assert.Null(AuditChain.Verify(await Silo.Service<IAuditLog>().ReadAllAsync(CancellationToken.None).ToListAsync()));
    }

    private async Task SendEverythingAsync()
    {
        var id = Erased;
        var survey = Survey(id, "nps", 2);
        survey["survey"] = new { type = "nps", score = 2, verbatim = $"Slow answers. {Words}." };
        var live = FrustratedLiveMessage(id, "team-emea", Conversation);
        live["text"] = $"This is the third time I'm calling, I want to speak to a manager! {Words}";
        var message = Message(id, $"Call me on +44 20 7946 0958 or {Email}. {Words}");
        var complaint = Complaint(id);
        complaint["complaint"] = new { code = "BILL-DUP", severity = "high", text = $"Charged twice. {Words}" };
        Dictionary<string, object?>[] events =
        [
            live, survey, message, complaint, Payment(id, 45),
            Ticket(id, "ticket_opened", Ticket),
            Ticket(id, "ticket_updated", Ticket, author: "customer"),
            new() { ["eventId"] = NewId("evt"), ["customerId"] = id, ["occurredAt"] = At(DateTimeOffset.UtcNow), ["channel"] = "social", ["kind"] = "social_mention", ["text"] = $"Awful service. {Words}" },
            new() { ["eventId"] = NewId("evt"), ["customerId"] = id, ["occurredAt"] = At(DateTimeOffset.UtcNow), ["channel"] = "field", ["kind"] = "delivery", ["delivery"] = new { onTime = false, delayHours = 30 } },
            new() { ["eventId"] = NewId("evt"), ["customerId"] = id, ["occurredAt"] = At(DateTimeOffset.UtcNow), ["channel"] = "system", ["kind"] = "usage", ["usage"] = new { activeUsers = 3, licensedUsers = 100 } },
        ];
        await PostAsync(events);
    }

    /// <summary>A case acknowledged with a note and an alert acknowledged: both in the audit log with the customer's id.</summary>
    private async Task ActAsync()
    {
        await Eventually.Until(() => Http.GetAsync($"/api/v1/cases/{Ticket}"), r => r.StatusCode == HttpStatusCode.OK, what: "the case");
        (await Http.PostJsonAsync($"/api/v1/cases/{Ticket}/acknowledge", new { note = $"Spoke to Jo at {Email}" })).EnsureSuccessStatusCode();
        await Silo.Service<ProjectionPublisher>().FlushAsync();
        var alert = (await Http.GetJsonAsync<AlertPage>($"/api/v1/alerts?customerId={Erased}&limit=50")).Items.First(a => a.State == AlertState.Raised);
        (await Http.PostJsonAsync($"/api/v1/alerts/{alert.Id}/acknowledge", new { })).EnsureSuccessStatusCode();
    }

    private static async Task<ContinuityRun> ContinuityRunAsync(ErasureWorld world)
    {
        var scenario = await (await world.Http.PostJsonAsync("/api/v1/continuity/scenarios", new
        {
            name = "Site down",
            disruptions = new object[] { new { nodes = new object[] { new { type = "site", id = world.Site } }, durationHours = 12 } },
        })).ReadAsync<ContinuityScenario>();
        var run = await ContinuityRuns.RunToEndAsync(world.Silo, world.Http, scenario.Id);
        Assert.Equal(2, run.AffectedCustomers);
        return run;
    }

    private async Task PutAsync(string id, string name, object[] contacts)
    {
        using var response = await Http.PutJsonAsync($"/api/v1/customers/{id}", new
        {
            accountId = Account, name, tier = "gold", segment = "enterprise", region = "EU", products = new[] { "payments" }, criticality = "high", revenue = 100_000,
            dependencies = new object[] { new { type = "site", id = Site, recoveryHours = 4 } },
            contacts,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task PostAsync(IEnumerable<Dictionary<string, object?>> events)
    {
        foreach (var e in events)
        {
            using var response = await Http.PostJsonAsync("/api/v1/events", e);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{e["kind"]}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
