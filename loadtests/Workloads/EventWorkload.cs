using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using HealthGrid.Domain.Alerts;
using HealthGrid.LoadTests.Load;
using HealthGrid.LoadTests.Measure;

namespace HealthGrid.LoadTests.Workloads;

/// <summary>
/// Events for the ingest API: one per request (<c>POST /api/v1/events</c>) or a batch of
/// <see cref="BatchSize"/> (<c>POST /api/v1/events/batch</c>), from a mix, for customers chosen
/// uniformly or Zipf-skewed. Frustrated live messages are expected to raise an alert each.
/// </summary>
public sealed class EventWorkload(Tenant tenant, EventMix mix, CustomerChoice customers, int batchSize, ulong seed) : IWorkload
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");

    /// <summary>The frustration alerts the run expects, keyed by conversation; null when the mix causes none.</summary>
    public AlertExpectations? Alerts { get; } = mix.Kind is EventMixKind.Peak or EventMixKind.FrustratedChat
        ? new AlertExpectations("event sent → frustration alert at a SignalR client", a => a.Type == AlertType.Frustration ? a.InteractionId : null)
        : null;

    public int BatchSize => batchSize;

    public int ItemsPerRequest => batchSize;

    public string ItemUnit => "events";

    public HttpRequestMessage Request(long sequence)
    {
        var buffer = new ArrayBufferWriter<byte>(batchSize * 256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            if (batchSize > 1)
            {
                json.WriteStartObject();
                json.WriteStartArray("events");
            }

            for (var i = 0; i < batchSize; i++)
            {
                var hash = Hash.Of(seed, sequence, i);
                mix.Write(json, sequence, i, tenant.Customers[customers.Pick(Hash.Unit(hash))], hash);
            }

            if (batchSize > 1)
            {
                json.WriteEndArray();
                json.WriteEndObject();
            }
        }

        var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = JsonType;
        return new HttpRequestMessage(HttpMethod.Post, batchSize > 1 ? "/api/v1/events/batch" : "/api/v1/events") { Content = content };
    }

    /// <summary>A batch answers 200 with a result per event; one rejected event makes the request an error (recorded as 422).</summary>
    public async ValueTask<int> OutcomeAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (batchSize == 1 || status != 200)
        {
            return status;
        }

        var body = await response.Content.ReadAsByteArrayAsync();
        return body.AsSpan().IndexOf("\"status\":\"rejected\""u8) >= 0 ? 422 : status;
    }

    public void Sending(long sequence, long timestamp, bool measured)
    {
        if (Alerts is not null && measured)
        {
            ForEachConversation(sequence, conversation => Alerts.Expect(conversation, timestamp));
        }
    }

    public void Failed(long sequence)
    {
        if (Alerts is not null)
        {
            ForEachConversation(sequence, Alerts.Forget);
        }
    }

    private void ForEachConversation(long sequence, Action<string> act)
    {
        for (var i = 0; i < batchSize; i++)
        {
            if (mix.FrustratedConversation(sequence, i, Hash.Of(seed, sequence, i)) is { } conversation)
            {
                act(conversation);
            }
        }
    }
}
