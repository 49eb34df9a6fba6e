using HealthGrid.Api.Ingest;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Projections;
using HealthGrid.Tests.Infrastructure;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class RestartTests(PostgresServer server)
{
    [Fact]
    public async Task Profiles_scores_history_the_directory_and_idempotency_survive_a_silo_restart()
    {
        var connectionString = await PostgresDatabase.CreateMigratedAsync(server);
        string customer;
        CustomerView before;
        ScoreHistoryPage historyBefore;
        Dictionary<string, object?>[] events;
        await using (var silo = await PostgresDatabase.StartSiloAsync(connectionString))
        {
            var account = await CreateAccountAsync(silo.Http);
            customer = await CreateCustomerAsync(silo.Http, account);
            events = [Complaint(customer), Survey(customer, "csat", 2), Message(customer, "I want to speak to a manager!!")];
            (await silo.Http.PostJsonAsync("/api/v1/events/batch", new { events })).EnsureSuccessStatusCode();
            before = await silo.Http.GetJsonAsync<CustomerView>($"/api/v1/customers/{customer}");
            historyBefore = await silo.Http.GetJsonAsync<ScoreHistoryPage>($"/api/v1/customers/{customer}/score-history");
        }

        await using (var silo = await PostgresDatabase.StartSiloAsync(connectionString))
        {
            var after = await silo.Http.GetJsonAsync<CustomerView>($"/api/v1/customers/{customer}");
            Assert.Equivalent(before.Profile, after.Profile, strict: true);
            Assert.Equal(before.Health.Score, after.Health.Score, 1);
            var historyAfter = await silo.Http.GetJsonAsync<ScoreHistoryPage>($"/api/v1/customers/{customer}/score-history");
            Assert.Equal(3, historyAfter.Items.Length);
            Assert.Equal(historyBefore.Items.Select(c => (c.Seq, c.EventId, c.After)), historyAfter.Items.Select(c => (c.Seq, c.EventId, c.After)));
            var page = await silo.Http.GetJsonAsync<CustomerPage>($"/api/v1/customers?accountId={before.Profile.AccountId}");
            Assert.Equal(customer, Assert.Single(page.Items).Id);

            using var resent = await silo.Http.PostJsonAsync("/api/v1/events", events[0]);
            Assert.Equal(IngestStatus.Duplicate, (await resent.ReadAsync<EventAcknowledgement>()).Status);
            Assert.Equal(3, (await silo.Http.GetJsonAsync<ScoreHistoryPage>($"/api/v1/customers/{customer}/score-history")).Items.Length);
        }
    }
}
