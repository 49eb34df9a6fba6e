using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace HealthGrid.LoadTests.Scenarios;

/// <summary>
/// What the notify scenario's notifications arrive at, in the generator's process on loopback: a
/// webhook endpoint (Kestrel, answering 200) and an SMTP server (the SmtpServer package), each
/// recording when each alert's message arrived (Stopwatch timestamps, the generator's own clock).
/// </summary>
public sealed class NotificationReceivers : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private WebApplication webhooks = null!;
    private Task smtp = Task.CompletedTask;

    private NotificationReceivers()
    {
    }

    public Uri WebhookUrl { get; private set; } = null!;

    public int SmtpPort { get; private set; }

    /// <summary>Webhook arrivals by live conversation (the alert's interactionId).</summary>
    public ConcurrentDictionary<string, long> WebhookByConversation { get; } = new(StringComparer.Ordinal);

    /// <summary>The conversation each alert id is about, from the webhooks.</summary>
    public ConcurrentDictionary<string, string> ConversationByAlert { get; } = new(StringComparer.Ordinal);

    /// <summary>E-mail arrivals by alert id (the X-HealthGrid-Alert header).</summary>
    public ConcurrentDictionary<string, long> EmailByAlert { get; } = new(StringComparer.Ordinal);

    public static async Task<NotificationReceivers> StartAsync()
    {
        var receivers = new NotificationReceivers();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/hook", receivers.ReceiveAsync);
        await app.StartAsync();
        receivers.webhooks = app;
        receivers.WebhookUrl = new Uri(new Uri(app.Urls.First()), "/hook");
        receivers.SmtpPort = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, receivers.SmtpPort))).Build();
        var services = new ServiceProvider();
        services.Add(new Store(receivers.EmailByAlert));
        receivers.smtp = new SmtpServer.SmtpServer(options, services).StartAsync(receivers.stopping.Token);
        return receivers;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            await smtp;
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }

        await webhooks.StopAsync();
        await webhooks.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        var at = Stopwatch.GetTimestamp();
        var alert = (await JsonNode.ParseAsync(request.Body))?["data"]?["alert"];
        if ((string?)alert?["interactionId"] is { } conversation)
        {
            WebhookByConversation.TryAdd(conversation, at);
            ConversationByAlert.TryAdd((string)alert["id"]!, conversation);
        }

        return Results.Ok();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(ConcurrentDictionary<string, long> arrivals) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var at = Stopwatch.GetTimestamp();
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            if (message.Headers["X-HealthGrid-Alert"] is { } alert)
            {
                arrivals.TryAdd(alert, at);
            }

            return SmtpResponse.Ok;
        }
    }
}
