using System.Net;
using HealthGrid.Domain.Cases;
using HealthGrid.Tests.Infrastructure;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Postgres;

/// <summary>In PostgreSQL mode a case id's owner is kept in the database: another customer's ticket with it is refused, also after a restart, and a case of before the migration keeps its owner.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClientIdTests(PostgresServer server)
{
    [Fact]
    public async Task A_case_id_stays_with_its_customer_across_a_restart()
    {
        var connectionString = await PostgresDatabase.CreateMigratedAsync(server);
        string a, b, ticket = NewId("T");
        await using (var silo = await PostgresDatabase.StartSiloAsync(connectionString))
        {
            var account = await CreateAccountAsync(silo.Http);
            (a, b) = (await CreateCustomerAsync(silo.Http, account), await CreateCustomerAsync(silo.Http, account));
            (await silo.Http.PostJsonAsync("/api/v1/events", Ticket(a, "ticket_opened", ticket))).EnsureSuccessStatusCode();
            using var refused = await silo.Http.PostJsonAsync("/api/v1/events", Ticket(b, "ticket_opened", ticket));
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        }

        Assert.Equal(a, await PostgresDatabase.ScalarAsync<string>(connectionString, "SELECT customer_id FROM healthgrid_client_ids WHERE kind = 'case' AND id = $1", ticket));
        await using (var silo = await PostgresDatabase.StartSiloAsync(connectionString))
        {
            using var refused = await silo.Http.PostJsonAsync("/api/v1/events", Ticket(b, "ticket_updated", ticket, severity: null, status: "investigating"));
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var @case = await Eventually.Until(() => silo.Http.GetJsonAsync<CaseView>($"/api/v1/cases/{ticket}"), c => c is not null, what: "the case");
            Assert.Equal((a, CaseStatus.Opened), (@case.CustomerId, @case.Status));
        }
    }
}
