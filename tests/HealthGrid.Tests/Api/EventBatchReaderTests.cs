using System.Text;
using System.Text.Json;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Api.Ingest;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Organisation;
using HealthGrid.Hosting.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HealthGrid.Tests.Api;

/// <summary>The batch reader on its own: the typed pass, the element-by-element pass it falls back to, and what refuses a batch whole.</summary>
public sealed class EventBatchReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static readonly EventBatchReader Reader = CreateReader(maxBatchSize: 3);

    private static string Survey(string id, int score, string type = "csat") =>
        $$$"""{"eventId":"{{{id}}}","customerId":"c-1","occurredAt":"2026-11-24T09:59:00Z","channel":"survey","kind":"survey","survey":{"type":"{{{type}}}","score":{{{score}}}}}""";

    [Fact]
    public void A_well_formed_batch_is_read_in_one_pass_into_valid_events_and_per_event_refusals()
    {
        var (batch, refused) = Read($$"""{"events":[{{Survey("e1", 4)}},{{Survey("e2", 9)}},{{Survey("e3", 2)}}]}""");

        Assert.Null(refused);
        Assert.Equal([0, 2], batch!.Valid.Select(v => v.Index));
        Assert.Equal(InteractionKind.Survey, batch.Valid[0].Event.Kind);
        Assert.Null(batch.Results[0]);
        Assert.Equal((1, "e2", IngestStatus.Rejected), (batch.Results[1]!.Index, batch.Results[1]!.EventId, batch.Results[1]!.Status));
        Assert.Contains("survey.score", batch.Results[1]!.Errors!.Keys);
    }

    [Fact]
    public void An_event_the_typed_pass_cannot_read_is_refused_alone_naming_its_field_and_the_others_go_ahead()
    {
        var (batch, refused) = Read($$"""{"events":[{{Survey("e1", 4)}},{"eventId":"x","kind":7},{{Survey("e3", 5)}}]}""");

        Assert.Null(refused);
        Assert.Equal([0, 2], batch!.Valid.Select(v => v.Index));
        Assert.Equal("x", batch.Results[1]!.EventId);
        Assert.Contains("kind", batch.Results[1]!.Errors!.Keys);
    }

    [Fact]
    public void A_misspelt_field_and_a_value_of_the_wrong_type_are_named()
    {
        var (batch, _) = Read("""{"events":[{"eventId":"e1","customerId":"c-1","occuredAt":"2026-11-24T09:59:00Z","channel":"web","kind":"payment","payment":{"daysLate":"late"}},{"eventId":"e2","customerId":"c-1","occurredAt":"2026-11-24T09:59:00Z","channel":"web","kind":"payment","payment":{"daysLate":1,"currency":"EUR"}}]}""");

        Assert.Equal(["payment.daysLate"], batch!.Results[0]!.Errors!.Keys);
        Assert.Equal("has the wrong type", batch.Results[0]!.Errors!["payment.daysLate"][0]);
        Assert.Equal("is not a known field", batch.Results[1]!.Errors!["payment.currency"][0]);
        Assert.Empty(batch.Valid);
    }

    [Theory]
    [InlineData("""{"events":[]}""", "events")]
    [InlineData("""{"events":{}}""", "events")]
    [InlineData("""{"items":[]}""", "items")]
    [InlineData("""[1,2]""", "body")]
    [InlineData("""{"events":[""", "body")]
    public void A_body_that_is_not_a_list_of_events_is_refused_whole(string body, string field)
    {
        var (batch, refused) = Read(body);

        Assert.Null(batch);
        Assert.Contains(field, refused!.ToDictionary().Keys);
    }

    [Fact]
    public void More_events_than_the_limit_refuse_the_batch()
    {
        var (_, refused) = Read($$"""{"events":[{{Survey("a", 4)}},{{Survey("b", 4)}},{{Survey("c", 4)}},{{Survey("d", 4)}}]}""");

        Assert.Equal("must contain at most 3 events", refused!.ToDictionary()["events"][0]);
    }

    private static (EventBatchReader.Batch? Batch, FieldErrors? Errors) Read(string body) => Reader.Read(Encoding.UTF8.GetBytes(body));

    private static EventBatchReader CreateReader(int maxBatchSize)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "healthgrid.json")).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(new FakeTimeProvider(Now))
            .AddSingleton<CurrentOrganisation>()
            .AddSingleton<EventValidator>();
        services.AddOptions<OrganisationOptions>().Bind(configuration.GetSection(OrganisationOptions.Section));
        services.AddOptions<IngestOptions>();
        HealthGrid.Api.Infrastructure.Validation.ValidationSetup.Configure();
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(json);
        return new EventBatchReader(services.BuildServiceProvider().GetRequiredService<EventValidator>(), json, maxBatchSize);
    }
}
