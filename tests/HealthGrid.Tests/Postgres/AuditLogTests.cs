using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HealthGrid.Api.Auth;
using HealthGrid.Domain.Audit;
using HealthGrid.Tests.Infrastructure;
using Npgsql;
using static HealthGrid.Tests.Api.Notifications.NotificationSetup;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Postgres;

/// <summary>Every audited act appears once under its actor; the log is append-only, and `silo audit verify` finds a row changed behind its back.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AuditLogTests(PostgresServer server)
{
    [Fact]
    public async Task Every_audited_act_appears_once_with_its_actor_and_a_changed_row_breaks_verify()
    {
        var connectionString = await PostgresDatabase.CreateMigratedAsync(server);
        var supervisor = new TokenRequest("sup-audit", "Sam", [HealthGridRoles.Supervisor], Teams: ["team-emea"]);
        string account, customer, ticket = NewId("T");
        await using (var silo = await PostgresDatabase.StartSiloAsync(connectionString))
        {
            var http = silo.Http;
            account = await CreateAccountAsync(http);
            customer = await CreateCustomerAsync(http, account);
            (await http.PutAsJsonAsync($"/api/v1/customers/{customer}", Customer(account, tier: "platinum"))).EnsureSuccessStatusCode();
            var sla = (await http.GetJsonAsync<JsonObject>("/api/v1/config/sla"))["document"]!.DeepClone();
            (await http.PutAsJsonAsync("/api/v1/config/sla", new { document = sla, reason = "unchanged on purpose" })).EnsureSuccessStatusCode();
            sla["reminderPeriod"] = "00:00:45";
            (await http.PutAsJsonAsync("/api/v1/config/sla", new { document = sla, reason = "deadlines sooner after a failover" })).EnsureSuccessStatusCode();
            (await http.GetAsync("/api/v1/config")).EnsureSuccessStatusCode();
            var line = new JsonObject { ["customer"] = System.Text.Json.JsonSerializer.SerializeToNode(Customer(account)) };
            line["customer"]!["id"] = NewId("imp");
            using (var import = new StringContent(line.ToJsonString() + "\n", Encoding.UTF8, "application/x-ndjson"))
            {
                (await http.PostAsync("/api/v1/import", import)).EnsureSuccessStatusCode();
            }

            (await http.PostJsonAsync("/api/v1/events", Ticket(customer, "ticket_opened", ticket))).EnsureSuccessStatusCode();
            await Eventually.Until(() => http.GetAsync($"/api/v1/cases/{ticket}"), r => r.StatusCode == HttpStatusCode.OK, what: "the case");
            using var asSupervisor = silo.ClientAs(supervisor);
            (await http.PostAsync($"/api/v1/cases/{ticket}/acknowledge", null)).EnsureSuccessStatusCode();
            (await http.PostAsJsonAsync($"/api/v1/cases/{ticket}/resolve", new { note = "refund sent" })).EnsureSuccessStatusCode();
            (await http.PostAsync($"/api/v1/cases/{ticket}/resolve", null)).Dispose(); // no longer open: refused, not an act
            var alert = await RaiseFrustrationAsync(http);
            (await ActAsync(asSupervisor, alert, "acknowledge")).EnsureSuccessStatusCode();
            (await ActAsync(http, alert, "resolve")).EnsureSuccessStatusCode();

            var log = (await http.GetJsonAsync<AuditPage>("/api/v1/audit?limit=100")).Items;
            Assert.Equal(1, log.Count(e => e.Action == AuditActions.CustomerProfile && e.Object == $"customer/{customer}" && e.Details!.Contains("\"op\":\"add\"", StringComparison.Ordinal)));
            Assert.Single(log, e => e.Action == AuditActions.CustomerProfile && e.Object == $"customer/{customer}" && e.Details == "[{\"op\":\"replace\",\"path\":\"/tier\",\"value\":\"platinum\"}]");
            Assert.Single(log, e => e.Action == AuditActions.AccountProfile && e.Object == $"account/{account}");
            Assert.Single(log, e => e.Action == AuditActions.ConfigurationWrite && e.Details!.Contains("deadlines sooner", StringComparison.Ordinal) && e.Details.Contains("/reminderPeriod", StringComparison.Ordinal));
            Assert.DoesNotContain(log, e => e.Details?.Contains("unchanged on purpose", StringComparison.Ordinal) == true);
            Assert.Single(log, e => e.Action == AuditActions.Import && e.Actor == TestAuth.Admin.Subject);
            Assert.Single(log, e => e.Action == AuditActions.CaseAcknowledge && e.Object == $"case/{ticket}" && e.Actor == TestAuth.Admin.Subject);
            Assert.Single(log, e => e.Action == AuditActions.CaseResolve && e.Object == $"case/{ticket}" && e.Details!.Contains("refund sent", StringComparison.Ordinal));
            Assert.Single(log, e => e.Action == AuditActions.AlertAcknowledge && e.Object == $"alert/{alert.Id}" && e.Actor == supervisor.Subject);
            Assert.Single(log, e => e.Action == AuditActions.AlertResolve && e.Object == $"alert/{alert.Id}" && e.Actor == TestAuth.Admin.Subject);
            Assert.Single(log, e => e.Action == AuditActions.AdminSession && e.Actor == TestAuth.Admin.Subject);
            Assert.All(log, e => Assert.Equal("127.0.0.1", e.Ip));

            var bySupervisor = await http.GetJsonAsync<AuditPage>($"/api/v1/audit?actor={supervisor.Subject}");
            Assert.Equal([AuditActions.AlertAcknowledge], bySupervisor.Items.Select(e => e.Action));
            Assert.All((await http.GetJsonAsync<AuditPage>("/api/v1/audit?object=config/")).Items, e => Assert.StartsWith("config/", e.Object, StringComparison.Ordinal));
            Assert.Empty((await http.GetJsonAsync<AuditPage>($"/api/v1/audit?to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}")).Items);
            using var badAction = await http.GetAsync("/api/v1/audit?action=sneeze&from=yesterday");
            var problem = await badAction.Content.ReadFromJsonAsync<JsonObject>();
            Assert.Equal(HttpStatusCode.BadRequest, badAction.StatusCode);
            Assert.NotNull(problem!["errors"]!["action"]);
            Assert.NotNull(problem["errors"]!["from"]);
            Assert.Equal(HttpStatusCode.Forbidden, (await asSupervisor.GetAsync("/api/v1/audit")).StatusCode);
        }

        var intact = await SiloProcess.RunToExitAsync("audit", "verify", "--postgres", connectionString);
        Assert.True(intact.ExitCode == 0, intact.Output);
        Assert.Contains("The audit log's chain holds", intact.Output, StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => PostgresDatabase.ScalarAsync<int>(connectionString, "UPDATE healthgrid_audit_log SET actor = 'nobody' WHERE seq = 2 RETURNING 1"));
        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);

        // Someone with the table's ownership goes around the trigger: the chain still tells.
        await PostgresDatabase.ScalarAsync<int>(connectionString, "ALTER TABLE healthgrid_audit_log DISABLE TRIGGER healthgrid_audit_log_append_only; UPDATE healthgrid_audit_log SET actor = 'nobody' WHERE seq = 2; SELECT 1");
        var tampered = await SiloProcess.RunToExitAsync("audit", "verify", "--postgres", connectionString);
        Assert.Equal(3, tampered.ExitCode);
        Assert.Contains("breaks at entry 2", tampered.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_development_sign_in_is_audited_under_the_user_who_signed_in()
    {
        await using var silo = await InProcessSilo.StartAsync("--HealthGrid:Auth:Development=true");
        using var anonymous = new HttpClient { BaseAddress = silo.BaseAddress };
        (await anonymous.PostAsync("/api/v1/dev/users/sup-emea/token", null)).EnsureSuccessStatusCode();
        var entry = Assert.Single((await silo.Http.GetJsonAsync<AuditPage>($"/api/v1/audit?action={AuditActions.SignIn}")).Items);
        Assert.Equal(("user/sup-emea", "sup-emea"), (entry.Object, entry.Actor));
    }
}
