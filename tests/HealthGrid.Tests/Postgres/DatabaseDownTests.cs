using System.Net;
using HealthGrid.Api.Ingest;
using HealthGrid.Domain.Ingest;
using HealthGrid.Tests.Infrastructure;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Postgres;

/// <summary>With the database down nothing is acknowledged: ingest answers 503 with Retry-After, and recovers by itself.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseDownTests(PostgresServer server)
{
    [Fact]
    public async Task Ingest_answers_503_while_the_database_is_down_and_recovers_without_a_restart()
    {
        var connectionString = await PostgresDatabase.CreateMigratedAsync(server);
        await using var silo = await PostgresDatabase.StartSiloAsync(connectionString);
        var customer = await CreateCustomerAsync(silo.Http, await CreateAccountAsync(silo.Http));
        Assert.Equal(HttpStatusCode.Accepted, (await silo.Http.PostJsonAsync("/api/v1/events", Complaint(customer))).StatusCode);

        var duringOutage = Complaint(customer);
        await server.StopAsync();
        try
        {
            using var single = await silo.Http.PostJsonAsync("/api/v1/events", duringOutage);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, single.StatusCode);
            Assert.NotNull(single.Headers.RetryAfter);

            using var batch = await silo.Http.PostJsonAsync("/api/v1/events/batch", new { events = new[] { Complaint(customer), Survey(customer, "nps", 9) } });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, batch.StatusCode);
            Assert.NotNull(batch.Headers.RetryAfter);
            Assert.Contains("\"unavailable\"", await batch.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await silo.Http.GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            await server.StartAsync();
        }

        // The client retries the refused event as told; once the database is back it is accepted.
        var status = await Eventually.Until(async () =>
        {
            using var retry = await silo.Http.PostJsonAsync("/api/v1/events", duringOutage);
            return retry.StatusCode;
        }, s => s == HttpStatusCode.Accepted, TimeSpan.FromSeconds(30), "ingest to recover");
        Assert.Equal(HttpStatusCode.Accepted, status);

        using var again = await silo.Http.PostJsonAsync("/api/v1/events", duringOutage);
        Assert.Equal(IngestStatus.Duplicate, (await again.ReadAsync<EventAcknowledgement>()).Status);
        var history = await KillTests.AllChangesAsync(silo.Http, customer);
        Assert.Equal(2, history.Count);
        Assert.Equal(HttpStatusCode.OK, (await silo.Http.GetAsync("/health/ready")).StatusCode);
    }
}
