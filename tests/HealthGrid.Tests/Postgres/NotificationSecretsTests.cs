using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HealthGrid.Tests.Api;
using HealthGrid.Tests.Infrastructure;

namespace HealthGrid.Tests.Postgres;

/// <summary>
/// Secrets encrypted at rest: the stored notifications document holds ciphertext only, and another
/// silo process (sharing the key ring kept in the database) decrypts it — its write that keeps the
/// secrets by placeholder passes validation only if it read them.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class NotificationSecretsTests(PostgresServer server)
{
    [Fact]
    public async Task The_stored_document_holds_no_secret_in_the_clear_and_every_silo_can_read_them()
    {
        var connectionString = await PostgresDatabase.CreateMigratedAsync(server);
        await using var a = await SiloProcess.StartAsync(connectionString, FreePorts.Next(), FreePorts.Next());
        await using var b = await SiloProcess.StartAsync(connectionString, FreePorts.Next(), FreePorts.Next());

        using (var written = await a.Http.PutAsJsonAsync("/api/v1/config/notifications", new { document = NotificationConfigurationTests.Document(), reason = "contact points" }))
        {
            Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        }

        var stored = await PostgresDatabase.ScalarAsync<string>(connectionString, "SELECT document::text FROM healthgrid_configuration WHERE area = 'notifications' AND version = 2");
        NotificationConfigurationTests.AssertNoSecret(stored);
        Assert.Contains("\"enc:", stored, StringComparison.Ordinal);
        Assert.True(await PostgresDatabase.ScalarAsync<long>(connectionString, "SELECT count(*) FROM healthgrid_data_protection_keys") >= 1);

        // Through the other silo: an edit that sends the placeholders back. The contact points are
        // valid only with the real secrets, so it is accepted only if B decrypted what A stored.
        var document = (await b.Http.GetJsonAsync<JsonObject>("/api/v1/config/notifications"))["document"]!.DeepClone();
        document["maxLateness"] = "00:30:00";
        using var edited = await b.Http.PutAsJsonAsync("/api/v1/config/notifications", new { document, reason = "edited elsewhere" });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        NotificationConfigurationTests.AssertNoSecret(await PostgresDatabase.ScalarAsync<string>(connectionString, "SELECT document::text FROM healthgrid_configuration WHERE area = 'notifications' AND version = 3"));
    }
}
