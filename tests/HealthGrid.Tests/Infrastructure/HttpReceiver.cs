using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Tests.Infrastructure;

/// <summary>
/// A real HTTP endpoint on a free loopback port that records every request it is sent (path, headers,
/// body, when) and answers as the test says: 200 by default, or by <see cref="Answer"/> given the
/// request's number on its path (to fail twice and then accept, to ask for Retry-After, to be gone, to hang).
/// </summary>
public sealed class HttpReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Dictionary<string, Channel<ReceivedRequest>> received = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();

    private HttpReceiver(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>How to answer the n-th request (1-based) on a path; null: 200.</summary>
    public Func<string, int, HttpContext, CancellationToken, Task>? Answer { get; set; }

    public List<ReceivedRequest> All { get; } = [];

    public static async Task<HttpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var port = FreePorts.Next();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var receiver = new HttpReceiver(app) { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>The next request to arrive on <paramref name="path"/> (waiting up to <paramref name="timeout"/>).</summary>
    public async Task<ReceivedRequest> NextAsync(string path, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        return await Queue(path).Reader.ReadAsync(cancel.Token);
    }

    public IReadOnlyList<ReceivedRequest> On(string path)
    {
        lock (All)
        {
            return [.. All.Where(r => r.Path == path)];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private Channel<ReceivedRequest> Queue(string path)
    {
        lock (received)
        {
            if (!received.TryGetValue(path, out var queue))
            {
                received[path] = queue = Channel.CreateUnbounded<ReceivedRequest>();
            }

            return queue;
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value ?? "";
        int n;
        var request = new ReceivedRequest(path, context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), body, DateTimeOffset.UtcNow);
        lock (All)
        {
            n = counts[path] = counts.GetValueOrDefault(path) + 1;
            All.Add(request);
        }

        Queue(path).Writer.TryWrite(request);
        if (Answer is { } answer)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token, context.RequestAborted);
            await answer(path, n, context, linked.Token);
        }
    }
}

public sealed record ReceivedRequest(string Path, Dictionary<string, string> Headers, string Body, DateTimeOffset At);
