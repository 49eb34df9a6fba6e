using System.Globalization;
using System.Net;
using System.Text;
using HealthGrid.Domain.Notifications;
using StandardWebhooks;

namespace HealthGrid.Grains.Notifications.Delivery;

/// <summary>
/// Webhooks, Slack, Teams and PagerDuty: one POST per message through the <c>notifications</c> HTTP
/// client, whose resilience pipeline bounds each attempt (the configured timeout; retries are the
/// durable schedule's, not the pipeline's, so that they survive a restart). Generic webhooks are signed
/// per Standard Webhooks with every configured secret (two during a rotation), the same
/// <c>webhook-id</c> on every attempt.
/// </summary>
public sealed class HttpNotificationChannel(IHttpClientFactory clients, TimeProvider time)
{
    public const string ClientName = "notifications";

    public async Task<DeliveryOutcome> SendAsync(RenderedMessage message, ContactPointSettings point, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var body = point.Kind switch
        {
            ChannelKind.Webhook => ChannelPayloads.Webhook(message, now),
            ChannelKind.Slack => ChannelPayloads.Slack(message),
            ChannelKind.Teams => ChannelPayloads.Teams(message),
            ChannelKind.PagerDuty => ChannelPayloads.PagerDuty(message.Items[0], point.RoutingKey ?? ""),
            _ => throw new ArgumentOutOfRangeException(nameof(point), point.Kind, "not an HTTP channel"),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, point.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (point.Kind == ChannelKind.Webhook)
        {
            Sign(request, message.MessageId, now, body, point.Secrets);
        }

        var started = time.GetTimestamp();
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return Classify(response, time.GetElapsedTime(started), now);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new DeliveryOutcome { Result = DeliveryResult.Transient, Reason = Describe(ex), Latency = time.GetElapsedTime(started) };
        }
    }

    private static void Sign(HttpRequestMessage request, string messageId, DateTimeOffset now, string body, IEnumerable<string> secrets)
    {
        var signatures = string.Join(' ', secrets.Select(secret => new StandardWebhook(secret).Sign(messageId, now, body)));
        request.Content!.Headers.Add("webhook-id", messageId);
        request.Content.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Content.Headers.Add("webhook-signature", signatures);
    }

    private static DeliveryOutcome Classify(HttpResponseMessage response, TimeSpan latency, DateTimeOffset now)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return DeliveryOutcome.Sent(status, latency);
        }

        var reason = $"{status} {response.ReasonPhrase}".TrimEnd();
        return response.StatusCode switch
        {
            HttpStatusCode.Gone => new DeliveryOutcome { Result = DeliveryResult.Gone, Reason = $"{reason}: the endpoint no longer exists; its contact point is disabled", StatusCode = status, Latency = latency },
            HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable => new DeliveryOutcome
            {
                Result = DeliveryResult.Transient,
                Reason = reason,
                StatusCode = status,
                Latency = latency,
                RetryAfter = RetryAfter(response, now),
            },
            HttpStatusCode.RequestTimeout or HttpStatusCode.Conflict or (HttpStatusCode)425 => new DeliveryOutcome { Result = DeliveryResult.Transient, Reason = reason, StatusCode = status, Latency = latency },
            _ when status >= 500 => new DeliveryOutcome { Result = DeliveryResult.Transient, Reason = reason, StatusCode = status, Latency = latency },
            _ => new DeliveryOutcome { Result = DeliveryResult.Permanent, Reason = $"{reason}: the receiver refused the message", StatusCode = status, Latency = latency },
        };
    }

    /// <summary>Retry-After as seconds or as a date.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    private static string Describe(Exception ex) => ex switch
    {
        Polly.Timeout.TimeoutRejectedException or TaskCanceledException or TimeoutException => "no answer within the attempt timeout",
        HttpRequestException { HttpRequestError: var error } => $"could not reach the endpoint ({error})",
        _ => ex.GetType().Name,
    };
}
