using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HealthGrid.Domain.Audit;
using HealthGrid.Domain.Privacy;
using HealthGrid.Grains.Privacy;
using HealthGrid.Grains.Projections;
using HealthGrid.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Postgres;

/// <summary>
/// Retention in PostgreSQL mode on a fake clock that the silos share: texts expire in the log at their
/// age and a full replay of the expired log scores exactly as before; a month goes whole once it is old
/// enough, after every stream in it was snapshotted, and a restart rebuilds the same customers from the
/// snapshots; a retry of a month-old event is still a duplicate; resolved cases go after their window and
/// their ids with them.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RetentionTests(PostgresServer server)
{
    private static readonly DateTimeOffset January = new(2025, 1, 10, 9, 0, 0, TimeSpan.Zero);

    private const string CustomerWords = "Why is nothing working? I am furious";

    [Fact]
    public async Task Texts_expire_months_go_whole_and_restarts_rebuild_the_same_customers()
    {
        var connectionString = await PostgresDatabase.CreateMigratedAsync(server);
        var clock = new FakeTimeProvider(January);
        var world = new World();

        // January: customers and events with texts; one of them will be retried in April.
        await using (var silo = await PostgresDatabase.StartSiloAsync(connectionString, clock))
        {
            await world.CreateCustomersAsync(silo.Http);
            await KeepProfileSnapshotsAsync(connectionString);
            await world.SendJanuaryAsync(silo.Http, clock.GetUtcNow());
            Assert.Contains(CustomerWords, await LogTextAsync(connectionString, world.A), StringComparison.Ordinal);
        }

        // April, 100 days on: January's texts are past the 90 days.
        clock.Advance(TimeSpan.FromDays(100));
        string aprilViews;
        await using (var silo = await PostgresDatabase.StartSiloAsync(connectionString, clock))
        {
            await silo.Service<RetentionLoop>().RunNowAsync();
            var log = await LogTextAsync(connectionString, world.A) + await LogTextAsync(connectionString, world.B);
            Assert.DoesNotContain(CustomerWords, log, StringComparison.Ordinal);
            Assert.DoesNotContain("Charged twice", log, StringComparison.Ordinal);
            Assert.DoesNotContain("Sorry about that", log, StringComparison.Ordinal);
            Assert.Contains(TextExpiry.Marker, log, StringComparison.Ordinal);

            // The retry is found in January's month although it arrives in April's.
            Assert.Equal("duplicate", await PostAsync(silo.Http, world.Retried));
            Assert.Equal("accepted", await PostAsync(silo.Http, Survey(world.A, "nps", 3, clock.GetUtcNow() - TimeSpan.FromMinutes(1))));
            var april = Message(world.A, "April words, still waiting", live: false, at: clock.GetUtcNow() - TimeSpan.FromMinutes(1));
            Assert.Equal("accepted", await PostAsync(silo.Http, april));
            aprilViews = await world.ViewsAsync(silo.Http);
            (await silo.Http.PutJsonAsync("/api/v1/config/privacy", new { document = Privacy(eventMonths: 0), reason = "hold the log for the test" })).EnsureSuccessStatusCode();
        }

        // A full replay of the expired log (from snapshots of the profiles alone) scores exactly as before.
        await RewindSnapshotsAsync(connectionString);
        await using (var silo = await PostgresDatabase.StartSiloAsync(connectionString, clock))
        {
            Assert.Equal(aprilViews, await world.ViewsAsync(silo.Http));
        }

        // March next year: January is 13 months and more behind. The snapshots hold the profiles alone
        // again, so the pass itself must wake every customer and have it snapshot what it replays before the month goes.
        clock.Advance(new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero) - clock.GetUtcNow());
        await RewindSnapshotsAsync(connectionString);
        string marchViews;
        await using (var silo = await PostgresDatabase.StartSiloAsync(connectionString, clock))
        {
            marchViews = await world.ViewsAsync(silo.Http);
            Assert.True(await TableExistsAsync(connectionString, "healthgrid_event_log_2025_01"));
            (await silo.Http.PutJsonAsync("/api/v1/config/privacy", new { document = Privacy(eventMonths: 13), reason = "retention back on" })).EnsureSuccessStatusCode();
            await silo.Service<RetentionLoop>().RunNowAsync();
            Assert.Equal(marchViews, await world.ViewsAsync(silo.Http));

            var pass = (await silo.Http.GetJsonAsync<AuditPage>($"/api/v1/audit?action={AuditActions.Retention}")).Items.First(e => e.Details!.Contains("2025-01", StringComparison.Ordinal));
            Assert.Equal((AuditActions.SystemActor, "retention"), (pass.Actor, pass.Object));
            Assert.Null(AuditChain.Verify(await silo.Service<HealthGrid.Storage.Audit.IAuditLog>().ReadAllAsync(CancellationToken.None).ToListAsync()));
        }

        Assert.False(await TableExistsAsync(connectionString, "healthgrid_event_log_2025_01"));
        Assert.True(await TableExistsAsync(connectionString, "healthgrid_event_log_2025_04"));
        Assert.Equal(0L, await PostgresDatabase.ScalarAsync<long>(connectionString, "SELECT count(*) FROM healthgrid_event_log WHERE received_at < '2025-02-01'"));
        Assert.Equal(0L, await PostgresDatabase.ScalarAsync<long>(connectionString, "SELECT count(*) FROM healthgrid_score_changes WHERE event_id = $1", world.RetriedId));
        Assert.Equal(0L, await PostgresDatabase.ScalarAsync<long>(connectionString, "SELECT count(*) FROM healthgrid_client_ids WHERE id = $1", world.Conversation));

        // What the snapshots hold is what the customers were: a restart, with January gone, rebuilds them.
        await using (var silo = await PostgresDatabase.StartSiloAsync(connectionString, clock))
        {
            Assert.Equal(marchViews, await world.ViewsAsync(silo.Http));

            // The January conversation's id is free again: another customer may use it.
            var reused = Message(world.B, "Hello again", live: false, at: clock.GetUtcNow() - TimeSpan.FromMinutes(1));
            reused["interactionId"] = world.Conversation;
            Assert.Equal("accepted", await PostAsync(silo.Http, reused));
        }
    }

    [Fact]
    public async Task Resolved_cases_and_alerts_go_after_their_window_with_their_ids_and_open_ones_stay()
    {
        var connectionString = await PostgresDatabase.CreateMigratedAsync(server);
        var clock = new FakeTimeProvider(January);
        await using var silo = await PostgresDatabase.StartSiloAsync(connectionString, clock);
        var http = silo.Http;
        var account = await CreateAccountAsync(http);
        var a = await CreateCustomerAsync(http, account);
        var b = await CreateCustomerAsync(http, account);
        var resolved = NewId("T");
        var open = NewId("T");
        var at = clock.GetUtcNow() - TimeSpan.FromMinutes(2);
        Assert.Equal("accepted", await PostAsync(http, Ticket(a, "ticket_opened", resolved, at: at)));
        Assert.Equal("accepted", await PostAsync(http, Ticket(a, "ticket_resolved", resolved, at: at + TimeSpan.FromMinutes(1))));
        Assert.Equal("accepted", await PostAsync(http, Ticket(a, "ticket_opened", open, severity: "low", at: at)));
        await silo.Service<ProjectionPublisher>().FlushAsync();

        // A day short of two years: kept.
        clock.Advance(TimeSpan.FromDays(729));
        await silo.Service<RetentionLoop>().RunNowAsync();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/v1/cases/{resolved}")).StatusCode);

        clock.Advance(TimeSpan.FromDays(2));
        await silo.Service<RetentionLoop>().RunNowAsync();
        Assert.True(silo.Service<RetentionLoop>().LastReport!.Cases >= 1);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/v1/cases/{resolved}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/v1/cases/{open}")).StatusCode);

        // Its id is free for any customer again; the open case's stays its owner's.
        var now = clock.GetUtcNow() - TimeSpan.FromMinutes(1);
        Assert.Equal("accepted", await PostAsync(http, Ticket(b, "ticket_opened", resolved, at: now)));
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostJsonAsync("/api/v1/events", Ticket(b, "ticket_updated", open, at: now))).StatusCode);
    }

    private static object Privacy(int eventMonths) => new
    {
        redaction = new { emails = true, phoneNumbers = true, paymentCards = true },
        retention = new { eventMonths, textDays = 90, resolvedCaseDays = 730, parkedDays = 30, every = "01:00:00" },
    };

    private static async Task<string> PostAsync(HttpClient http, Dictionary<string, object?> e)
    {
        using var response = await http.PostJsonAsync("/api/v1/events", e);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{e["kind"]}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]!;
    }

    /// <summary>Every payload of the customer's stream, as one text.</summary>
    private static async Task<string> LogTextAsync(string connectionString, string customerId)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand("SELECT coalesce(string_agg(payload::text, E'\\n' ORDER BY seq), '') FROM healthgrid_event_log WHERE stream_id = $1");
        command.Parameters.Add(new() { Value = "customer/" + customerId });
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static Task<bool> TableExistsAsync(string connectionString, string table) =>
        PostgresDatabase.ScalarAsync<bool>(connectionString, "SELECT to_regclass($1) IS NOT NULL", table);

    /// <summary>Keeps the customers' snapshots as they are now (their profiles, before any event) to rewind to later.</summary>
    private static Task KeepProfileSnapshotsAsync(string connectionString) =>
        PostgresDatabase.ScalarAsync<int>(connectionString, "CREATE TABLE test_profile_snapshots AS SELECT * FROM orleans_storage WHERE grain_type = 'customer'; SELECT 1");

    /// <summary>
    /// The customers' snapshots back to their profiles alone, as after a crash that lost every later snapshot:
    /// an activation then replays the whole log.
    /// </summary>
    private static async Task RewindSnapshotsAsync(string connectionString)
    {
        var rewound = await PostgresDatabase.ScalarAsync<long>(connectionString, """
            WITH rewound AS (
                UPDATE orleans_storage s SET payload = k.payload FROM test_profile_snapshots k
                WHERE s.grain_type = k.grain_type AND s.grain_id_hash = k.grain_id_hash AND s.grain_id_n0 = k.grain_id_n0
                  AND s.grain_id_n1 = k.grain_id_n1 AND s.grain_id_extension IS NOT DISTINCT FROM k.grain_id_extension
                RETURNING 1)
            SELECT count(*) FROM rewound
            """);
        Assert.Equal(2, rewound);
    }

    /// <summary>Two customers with a month's worth of texts of every kind, a resolved ticket and a conversation.</summary>
    private sealed class World
    {
        public string A { get; private set; } = "";

        public string B { get; private set; } = "";

        public string Conversation { get; } = NewId("conv");

        public Dictionary<string, object?> Retried { get; private set; } = [];

        public string RetriedId => (string)Retried["eventId"]!;

        public async Task CreateCustomersAsync(HttpClient http)
        {
            var account = await CreateAccountAsync(http);
            A = await CreateCustomerAsync(http, account);
            B = await CreateCustomerAsync(http, account);
        }

        public async Task SendJanuaryAsync(HttpClient http, DateTimeOffset now)
        {
            var at = now - TimeSpan.FromMinutes(30);
            Retried = Survey(A, "csat", 2, at);
            Retried["survey"] = new { type = "csat", score = 2, verbatim = "Third time I am asking, still broken!!" };
            var message = Message(A, $"{CustomerWords}!!", live: false, at: at);
            message["interactionId"] = Conversation;
            var reply = Message(A, "Sorry about that, we are on it", live: false, at: at);
            reply["interactionId"] = Conversation;
            reply["direction"] = "agent";
            var complaint = Complaint(B, at: at);
            var complaintCase = NewId("C");
            complaint["complaint"] = new { code = "BILL-DUP", severity = "low", caseId = complaintCase, text = "Charged twice for the same order" };
            var ticket = NewId("T");
            Dictionary<string, object?>[] events =
            [
                Retried, message, reply, complaint, Payment(B, 20, at),
                Ticket(A, "ticket_opened", ticket, severity: "low", at: at),
                Ticket(A, "ticket_resolved", ticket, at: at + TimeSpan.FromMinutes(5)),
            ];
            foreach (var e in events)
            {
                Assert.Equal("accepted", await PostAsync(http, e));
            }

            // No case stays open: a deadline passing between two silos fires at an activation, a moment after a view may have been read.
            await Eventually.Until(() => http.GetAsync($"/api/v1/cases/{complaintCase}"), r => r.StatusCode == HttpStatusCode.OK, what: "the complaint's case");
            (await http.PostJsonAsync($"/api/v1/cases/{complaintCase}/resolve", new { })).EnsureSuccessStatusCode();
        }

        /// <summary>
        /// Both customers' live state: profile, score, components, drivers, churn, cases. Left out: the moment it
        /// was computed at, and the recent score changes, which are the score history's (retention lets those
        /// of a dropped month go with it).
        /// </summary>
        public async Task<string> ViewsAsync(HttpClient http) => await ViewAsync(http, A) + "\n" + await ViewAsync(http, B);

        private static async Task<string> ViewAsync(HttpClient http, string customerId)
        {
            var view = await http.GetJsonAsync<JsonNode>($"/api/v1/customers/{customerId}");
            view["health"]!.AsObject().Remove("asOf");
            view["health"]!.AsObject().Remove("recentChanges");
            return view.ToJsonString();
        }
    }
}
