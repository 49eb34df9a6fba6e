using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Customers.Text;
using HealthGrid.Tests.Infrastructure;

namespace HealthGrid.Tests.Postgres;

/// <summary>
/// Personal data in free text is masked before it is journaled (PostgreSQL mode: the embedded journal
/// keeps no events to look at); the analyzer's reading of the original is kept with the event.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RedactionTests(PostgresServer server) : IAsyncLifetime
{
    private const string Original = "This is the third time I'm calling, I want to speak to a manager! Call me on +44 20 7946 0958 or mail jane.doe@example.com";
    private InProcessSilo silo = null!;
    private string connectionString = null!;

    private HttpClient Http => silo.Http;

    public async Task InitializeAsync()
    {
        connectionString = await PostgresDatabase.CreateMigratedAsync(server);
        silo = await PostgresDatabase.StartSiloAsync(connectionString);
    }

    public async Task DisposeAsync() => await silo.DisposeAsync();

    [Fact]
    public async Task A_live_message_is_stored_masked_and_still_raises_its_frustration_alert()
    {
        var customer = await TestOrganisation.CreateCustomerAsync(Http, await TestOrganisation.CreateAccountAsync(Http));
        var message = TestOrganisation.FrustratedLiveMessage(customer, "team-emea");
        message["text"] = Original;
        (await HealthGridHttp.PostJsonAsync(Http, "/api/v1/events", message)).EnsureSuccessStatusCode();

        var stored = await JournaledAsync(customer);
        Assert.Equal("This is the third time I'm calling, I want to speak to a manager! Call me on [phone] or mail [email]", stored.Message!.Text);
        Assert.Equal(TextAnalyzer.Analyze(Original), stored.Analysis, TextSignalComparer.Instance);
        Assert.True(stored.Analysis!.IsFrustrated);

        var alerts = await Eventually.Until(() => Http.GetJsonAsync<AlertPage>($"/api/v1/alerts?customerId={customer}&type=frustration"), p => p.Items.Length > 0, what: "the frustration alert");
        Assert.DoesNotContain("jane.doe", alerts.Items[0].Message, StringComparison.Ordinal);
        Assert.Equal(0L, await PostgresDatabase.ScalarAsync<long>(connectionString,
            "SELECT count(*) FROM healthgrid_event_log WHERE payload::text LIKE '%jane.doe%' OR payload::text LIKE '%7946%'"));
    }

    [Fact]
    public async Task Text_without_personal_data_is_stored_as_written_and_keeps_no_analysis()
    {
        var customer = await TestOrganisation.CreateCustomerAsync(Http, await TestOrganisation.CreateAccountAsync(Http));
        var message = TestOrganisation.FrustratedLiveMessage(customer, "team-emea");
        message["text"] = "Order ORD-2026-000123 of 2026-01-15 never arrived, ticket 123456789";
        (await HealthGridHttp.PostJsonAsync(Http, "/api/v1/events", message)).EnsureSuccessStatusCode();

        var stored = await JournaledAsync(customer);
        Assert.Equal((string)message["text"]!, stored.Message!.Text);
        Assert.Null(stored.Analysis);
    }

    [Fact]
    public async Task The_privacy_area_turns_a_kind_off_for_the_events_that_follow()
    {
        var document = (await Http.GetFromJsonAsync<JsonObject>("/api/v1/config/privacy"))!["document"]!.DeepClone();
        document["redaction"]!["emails"] = false;
        using (var put = await Http.PutAsJsonAsync("/api/v1/config/privacy", new { document, reason = "e-mail addresses are the account's, not personal" }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        try
        {
            var customer = await TestOrganisation.CreateCustomerAsync(Http, await TestOrganisation.CreateAccountAsync(Http));
            var survey = TestOrganisation.Survey(customer, "nps", 2);
            survey["survey"] = new { type = "nps", score = 2, verbatim = "mail billing@acme.example or 555-123-4567" };
            (await HealthGridHttp.PostJsonAsync(Http, "/api/v1/events", survey)).EnsureSuccessStatusCode();
            Assert.Equal("mail billing@acme.example or [phone]", (await JournaledAsync(customer)).Survey!.Verbatim);
        }
        finally
        {
            document["redaction"]!["emails"] = true;
            (await Http.PutAsJsonAsync("/api/v1/config/privacy", new { document })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task A_case_note_is_masked_like_any_free_text()
    {
        var customer = await TestOrganisation.CreateCustomerAsync(Http, await TestOrganisation.CreateAccountAsync(Http));
        var ticket = TestOrganisation.NewId("T");
        (await HealthGridHttp.PostJsonAsync(Http, "/api/v1/events", TestOrganisation.Ticket(customer, "ticket_opened", ticket))).EnsureSuccessStatusCode();
        await Eventually.Until(() => Http.GetAsync($"/api/v1/cases/{ticket}"), r => r.StatusCode == HttpStatusCode.OK, what: "the case");

        (await Http.PostAsJsonAsync($"/api/v1/cases/{ticket}/acknowledge", new { note = "Called back on +44 20 7946 0958, mailed jane.doe@example.com" })).EnsureSuccessStatusCode();

        var view = await Http.GetJsonAsync<HealthGrid.Domain.Cases.CaseView>($"/api/v1/cases/{ticket}");
        Assert.Contains(view.History, t => t.Note == "Called back on [phone], mailed [email]");
        Assert.Equal(0L, await PostgresDatabase.ScalarAsync<long>(connectionString,
            "SELECT count(*) FROM healthgrid_event_log WHERE payload::text LIKE '%jane.doe%' OR payload::text LIKE '%7946%'"));
    }

    private async Task<HealthGrid.Domain.Ingest.Interaction> JournaledAsync(string customer) =>
        (await LogReplay.ReplayAsync(connectionString, customer)).Entries.Select(e => e.Interaction).Last(e => !e.IsInternal);

    private sealed class TextSignalComparer : IEqualityComparer<TextSignal?>
    {
        public static readonly TextSignalComparer Instance = new();

        public bool Equals(TextSignal? x, TextSignal? y) =>
            x is not null && y is not null && x.Sentiment == y.Sentiment && x.Frustration == y.Frustration && x.Label == y.Label && x.Cues.SequenceEqual(y.Cues);

        public int GetHashCode(TextSignal? obj) => 0;
    }
}
