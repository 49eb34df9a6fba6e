using System.Text.Json;
using HealthGrid.Api.Audit;
using HealthGrid.Api.Auth;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Audit;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Notifications;
using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.GrainInterfaces.Notifications;
using HealthGrid.GrainInterfaces.Privacy;
using HealthGrid.GrainInterfaces.Projections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace HealthGrid.Api.Customers;

/// <summary>
/// <c>GET /api/v1/customers/{id}/export</c> (GDPR art. 15 and 20): everything HealthGrid holds about a
/// customer as one JSON document, written page by page as it is read, so a customer with a long history
/// never sits in memory whole. For admins, executives and the customer's account managers — those who
/// see the customer and its cases and alerts; audited as <c>customer.export</c>.
/// </summary>
public static class CustomerExport
{
    private const int Page = 500;
    private const int EventPage = 2_000;

    public static async Task<Results<EmptyHttpResult, NotFound>> ExportAsync(
        string id, IGrainFactory grains, Caller caller, HttpContext context, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, TimeProvider time)
    {
        var customer = grains.GetGrain<ICustomerGrain>(id);
        if (await customer.GetViewAsync() is not { } view || !(caller.SeesEverything || caller.Accounts.Contains(view.Profile.AccountId)))
        {
            return TypedResults.NotFound();
        }

        await AuditTrail.RecordAsync(grains, context, caller, AuditActions.Export, $"customer/{id}");
        var options = json.Value.SerializerOptions;
        var response = context.Response;
        response.ContentType = "application/json";
        response.Headers.ContentDisposition = $"attachment; filename=\"healthgrid-customer-{id}.json\"";

        // Written into the response's pipe (no synchronous I/O) and flushed every hundred items.
        var body = response.BodyWriter;
        await using var writer = new Utf8JsonWriter(body);
        writer.WriteStartObject();
        writer.WriteString("customerId", id);
        writer.WriteString("exportedAt", time.GetUtcNow());
        writer.WritePropertyName("customer");
        JsonSerializer.Serialize(writer, view, options);
        await ArrayAsync(writer, body, "scoreHistory", options, ScoreHistoryAsync(customer));
        var alerts = new List<Alert>();
        await ArrayAsync(writer, body, "cases", options, CasesAsync(grains, id));
        await ArrayAsync(writer, body, "alerts", options, AlertsAsync(grains, id, alerts));
        await ArrayAsync(writer, body, "notifications", options, NotificationsAsync(grains, alerts));
        await ArrayAsync(writer, body, "identities", options, IdentitiesAsync(grains, id));
        await ArrayAsync(writer, body, "events", options, EventsAsync(grains, id));
        writer.WriteEndObject();
        await writer.FlushAsync();
        await body.FlushAsync();
        return TypedResults.Empty;
    }

    private static async Task ArrayAsync<T>(Utf8JsonWriter writer, System.IO.Pipelines.PipeWriter body, string name, JsonSerializerOptions options, IAsyncEnumerable<T> items)
    {
        writer.WriteStartArray(name);
        var written = 0;
        await foreach (var item in items)
        {
            JsonSerializer.Serialize(writer, item, options);
            if (++written % 100 == 0)
            {
                await writer.FlushAsync();
                await body.FlushAsync();
            }
        }

        writer.WriteEndArray();
        await writer.FlushAsync();
    }

    private static async IAsyncEnumerable<Domain.Customers.ScoreChange> ScoreHistoryAsync(ICustomerGrain customer)
    {
        long? before = null;
        do
        {
            var page = await customer.GetScoreHistoryAsync(before, Page);
            foreach (var change in page?.Items ?? [])
            {
                yield return change;
            }

            before = page?.NextBefore;
        }
        while (before is not null);
    }

    /// <summary>The identifiers other systems know the customer by (the identity map).</summary>
    private static async IAsyncEnumerable<Domain.Identity.IdentityMapping> IdentitiesAsync(IGrainFactory grains, string id)
    {
        for (var offset = 0; ; offset += Page)
        {
            var page = await grains.GetGrain<GrainInterfaces.Identity.IIdentityGrain>(0).ListAsync(id, null, offset, Page);
            foreach (var mapping in page.Items)
            {
                yield return mapping;
            }

            if (offset + Page >= page.Total)
            {
                yield break;
            }
        }
    }

    /// <summary>Each case with its full history, open or resolved, as the directory keeps it.</summary>
    private static async IAsyncEnumerable<CaseView> CasesAsync(IGrainFactory grains, string id)
    {
        for (var offset = 0; ; offset += Page)
        {
            var page = await grains.GetGrain<IDirectoryGrain>(0).QueryCasesAsync(new CaseQuery { CustomerId = id, Offset = offset, Limit = Page });
            foreach (var listed in page.Items)
            {
                yield return listed;
            }

            if (offset + Page >= page.Total)
            {
                yield break;
            }
        }
    }

    private static async IAsyncEnumerable<Alert> AlertsAsync(IGrainFactory grains, string id, List<Alert> seen)
    {
        for (var offset = 0; ; offset += Page)
        {
            var page = await grains.GetGrain<IDirectoryGrain>(0).QueryAlertsAsync(new AlertQuery { CustomerId = id, Offset = offset, Limit = Page });
            foreach (var alert in page.Items)
            {
                seen.Add(alert);
                yield return alert;
            }

            if (page.Items.Length < Page)
            {
                yield break;
            }
        }
    }

    /// <summary>The delivery log of the customer's alerts: who was told what, by which channel.</summary>
    private static async IAsyncEnumerable<NotificationRecord> NotificationsAsync(IGrainFactory grains, List<Alert> alerts)
    {
        foreach (var alert in alerts)
        {
            for (var offset = 0; ; offset += Page)
            {
                var page = await grains.GetGrain<INotificationsGrain>(0).QueryAsync(new NotificationQuery { AlertId = alert.Id, Offset = offset, Limit = Page });
                foreach (var record in page.Items)
                {
                    yield return record;
                }

                if (page.Items.Length < Page)
                {
                    break;
                }
            }
        }
    }

    private static async IAsyncEnumerable<Domain.Privacy.StoredEvent> EventsAsync(IGrainFactory grains, string id)
    {
        var after = 0L;
        while (true)
        {
            var page = await grains.GetGrain<IPersonalDataGrain>(0).ReadEventsAsync(id, after, EventPage);
            foreach (var stored in page)
            {
                yield return stored;
            }

            if (page.Length < EventPage)
            {
                yield break;
            }

            after = page[^1].Seq;
        }
    }
}
