using HealthGrid.Api.Ingest;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using HealthGrid.Tests.Infrastructure;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Postgres;

/// <summary>Two silo processes form one cluster through PostgreSQL and keep a single live model per customer.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoSiloTests(PostgresServer server)
{
    private const int Events = 200;

    [Fact]
    public async Task Events_posted_alternately_to_two_silos_land_in_one_activation_and_all_count()
    {
        var connectionString = await PostgresDatabase.CreateMigratedAsync(server);
        await using var first = await SiloProcess.StartAsync(connectionString, FreePorts.Next(), FreePorts.Next());
        await using var second = await SiloProcess.StartAsync(connectionString, FreePorts.Next(), FreePorts.Next());
        await Eventually.Until(() => PostgresDatabase.ScalarAsync<long>(connectionString, "SELECT count(*) FROM orleans_membership WHERE status = 3"),
            active => active == 2, TimeSpan.FromSeconds(30), "both silos to be active members");

        var account = await CreateAccountAsync(first.Http);
        var customer = await CreateCustomerAsync(second.Http, account);
        var silos = new[] { first, second };
        var answers = await Task.WhenAll(Enumerable.Range(0, Events).Select(async i =>
        {
            var body = i % 3 == 0 ? Complaint(customer, severity: "low") : Survey(customer, "nps", i % 11);
            using var response = await silos[i % 2].Http.PostJsonAsync("/api/v1/events", body);
            return (await response.ReadAsync<EventAcknowledgement>()).Status;
        }));
        Assert.All(answers, status => Assert.Equal(IngestStatus.Accepted, status));

        // Right after a silo joins, a read can meet a fresh activation before the previous one's
        // buffered changes are flushed (one flush interval); it converges, nothing is lost.
        var history = await Eventually.Until(() => KillTests.AllChangesAsync(first.Http, customer), h => h.Count == Events, TimeSpan.FromSeconds(10), "all changes to be readable");

        // One activation applied them one after another: every change starts where the previous one ended.
        var ordered = history.OrderBy(c => c.Seq).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            Assert.Equal(ordered[i - 1].After, ordered[i].Before);
        }

        var (state, log) = await LogReplay.ReplayAsync(connectionString, customer);
        Assert.Equal(Events, log.Count);
        var fromFirst = await first.Http.GetJsonAsync<CustomerView>($"/api/v1/customers/{customer}");
        var fromSecond = await second.Http.GetJsonAsync<CustomerView>($"/api/v1/customers/{customer}");
        Assert.Equal(LogReplay.ScoreAt(state, fromFirst.Health.AsOf), fromFirst.Health.Score, 1);
        Assert.Equal(fromFirst.Health.Score, fromSecond.Health.Score, 1);
    }
}
