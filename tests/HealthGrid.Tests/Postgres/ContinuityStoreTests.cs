using System.Net;
using HealthGrid.Domain.Continuity;
using HealthGrid.Tests.Infrastructure;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Postgres;

/// <summary>Continuity in PostgreSQL mode: the dependency index follows profile changes, and scenarios, runs and their customers survive a restart.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ContinuityStoreTests(PostgresServer server)
{
    [Fact]
    public async Task The_dependency_index_follows_profiles_and_runs_with_their_customers_survive_a_restart()
    {
        var connectionString = await PostgresDatabase.CreateMigratedAsync(server);
        string scenarioId, runId, moved;
        ContinuityRun before;
        ImpactRow[] rowsBefore;
        await using (var silo = await PostgresDatabase.StartSiloAsync(connectionString))
        {
            var account = await CreateAccountAsync(silo.Http);
            string[] customers = [await CreateCustomerAsync(silo.Http, account), await CreateCustomerAsync(silo.Http, account), await CreateCustomerAsync(silo.Http, account)];
            moved = customers[2];
            using (var replaced = await silo.Http.PutJsonAsync($"/api/v1/customers/{moved}", new
            {
                accountId = account, name = "Moved to fulfilment", tier = "gold", segment = "enterprise", region = "EU", criticality = "high", revenue = 5,
                dependencies = new object[] { new { type = "process", id = "fulfilment", recoveryHours = 2 } },
            }))
            {
                Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
            }

            var nodes = await silo.Http.GetJsonAsync<DependencyNodeView[]>("/api/v1/continuity/nodes?type=process");
            Assert.Equal([("billing", 2, "Billing and invoicing"), ("fulfilment", 1, "Order fulfilment and delivery")], nodes.Select(n => (n.Id, n.Customers, n.Name!)));

            using var created = await silo.Http.PostJsonAsync("/api/v1/continuity/scenarios", new
            {
                name = "Billing down two days",
                disruptions = new[] { new { nodes = new[] { new { type = "process", id = "billing" } }, durationHours = 48 } },
            });
            scenarioId = (await created.ReadAsync<ContinuityScenario>()).Id;
            using var started = await silo.Http.PostAsync($"/api/v1/continuity/scenarios/{scenarioId}/runs", null);
            runId = (await started.ReadAsync<ContinuityRun>()).Id;
            before = await Eventually.Until(() => silo.Http.GetJsonAsync<ContinuityRun>($"/api/v1/continuity/runs/{runId}"), r => r.Status == RunStatus.Completed, what: "the run");
            Assert.Equal((2, 2), (before.AffectedCustomers, before.CustomersBreaching));
            rowsBefore = (await silo.Http.GetJsonAsync<ImpactPage>($"/api/v1/continuity/runs/{runId}/customers")).Items;
            Assert.Equal(customers[..2].Order(), rowsBefore.Select(r => r.Impact.CustomerId).Order());
        }

        await using (var silo = await PostgresDatabase.StartSiloAsync(connectionString))
        {
            var after = await silo.Http.GetJsonAsync<ContinuityRun>($"/api/v1/continuity/runs/{runId}");
            Assert.Equivalent(before, after, strict: true);
            var rowsAfter = (await silo.Http.GetJsonAsync<ImpactPage>($"/api/v1/continuity/runs/{runId}/customers")).Items;
            Assert.Equal(rowsBefore.Select(r => (r.Rank, r.Impact.CustomerId, r.Impact.BreachAfterHours)), rowsAfter.Select(r => (r.Rank, r.Impact.CustomerId, r.Impact.BreachAfterHours)));
            Assert.Equal(scenarioId, Assert.Single(await silo.Http.GetJsonAsync<ContinuityScenario[]>("/api/v1/continuity/scenarios")).Id);
            Assert.Equal(HttpStatusCode.NoContent, (await silo.Http.DeleteAsync($"/api/v1/continuity/scenarios/{scenarioId}")).StatusCode);
            Assert.Equal(0L, await PostgresDatabase.ScalarAsync<long>(connectionString, "SELECT count(*) FROM healthgrid_continuity_run_customers"));
        }
    }
}
