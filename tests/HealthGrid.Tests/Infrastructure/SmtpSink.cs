using System.Buffers;
using System.Net;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace HealthGrid.Tests.Infrastructure;

/// <summary>A real SMTP server (the SmtpServer package) on a free loopback port (or a given one), keeping every message it accepts, parsed by MimeKit, and counting its sessions.</summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Channel<MimeMessage> received = Channel.CreateUnbounded<MimeMessage>();
    private readonly CancellationTokenSource stopping = new();
    private Task running = Task.CompletedTask;
    private int sessions;

    public int Port { get; private set; }

    /// <summary>SMTP sessions (connections) opened so far.</summary>
    public int Sessions => Volatile.Read(ref sessions);

    public static SmtpSink Start(int? port = null)
    {
        var sink = new SmtpSink { Port = port ?? FreePorts.Next() };
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, sink.Port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(sink.received.Writer));
        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref sink.sessions);
        sink.running = server.StartAsync(sink.stopping.Token);
        return sink;
    }

    public async Task<MimeMessage> NextAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        return await received.Reader.ReadAsync(cancel.Token);
    }

    public bool TryTake(out MimeMessage? message) => received.Reader.TryRead(out message);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }
    }

    private sealed class Store(ChannelWriter<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            messages.TryWrite(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
