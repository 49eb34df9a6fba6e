using System.Diagnostics;
using System.Text.Json;
using RabbitMQ.Client;

namespace HealthGrid.Tests.Infrastructure;

/// <summary>
/// A private RabbitMQ broker for the test run: Debian's rabbitmq-server (the test script installs it)
/// started from its own folder on free loopback ports (AMQP, Erlang distribution and its own epmd), no
/// plugins, the guest user; shut down and deleted at the end.
/// </summary>
public sealed class RabbitMqServer : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"healthgrid-rabbitmq-{Guid.NewGuid():N}");
    private readonly int distributionPort = FreePorts.Next();
    private readonly int epmdPort = FreePorts.Next();
    private string sbin = "";
    private Process? server;

    public int Port { get; } = FreePorts.Next();

    public string Uri => $"amqp://127.0.0.1:{Port}/";

    private string NodeName => $"healthgrid{Port}@localhost";

    public async Task InitializeAsync()
    {
        sbin = FindScripts();
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "enabled_plugins"), "[].");
        await File.WriteAllTextAsync(Path.Combine(folder, "rabbitmq.conf"), $"listeners.tcp.1 = 127.0.0.1:{Port}\n");
        server = Process.Start(Start(Path.Combine(sbin, "rabbitmq-server")))!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        await RunAsync("rabbitmqctl", "wait", "--timeout", "120", Path.Combine(folder, "pid"));
    }

    public async Task DisposeAsync()
    {
        await RunAsync("rabbitmqctl", "shutdown");
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
        }

        // The broker started an epmd of its own (on its own port); it outlives the broker unless told to go.
        await RunAsync("epmd", "-kill");
        server?.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The arguments that make a silo consume <paramref name="queue"/> as connector <paramref name="id"/> (index 0 of the list).</summary>
    public string[] ConnectorArgs(string id, string queue, int prefetch = 500) =>
    [
        $"--HealthGrid:Connectors:RabbitMq:0:Id={id}",
        $"--HealthGrid:Connectors:RabbitMq:0:Uri={Uri}",
        "--HealthGrid:Connectors:RabbitMq:0:UserName=guest",
        "--HealthGrid:Connectors:RabbitMq:0:Password=guest",
        $"--HealthGrid:Connectors:RabbitMq:0:Queue={queue}",
        $"--HealthGrid:Connectors:RabbitMq:0:Prefetch={prefetch}",
    ];

    public Task<IConnection> ConnectAsync() =>
        new ConnectionFactory { Uri = new Uri(Uri), UserName = "guest", Password = "guest" }.CreateConnectionAsync();

    /// <summary>Declares <paramref name="queue"/> as the consumer does (durable), so that messages published before a silo starts wait in it.</summary>
    public async Task DeclareAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
    }

    /// <summary>Publishes <paramref name="messages"/> to <paramref name="queue"/> (persistent) and returns once the broker confirmed every one.</summary>
    public async Task PublishAsync(string queue, IEnumerable<QueueTestMessage> messages)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        foreach (var chunk in messages.Chunk(500))
        {
            await Task.WhenAll(chunk.Select(m => channel.BasicPublishAsync("", queue, mandatory: true,
                new BasicProperties { ContentType = m.ContentType, MessageId = m.MessageId, DeliveryMode = DeliveryModes.Persistent }, m.Body).AsTask()));
        }
    }

    /// <summary>Takes every message of <paramref name="queue"/> (acknowledging them): the dead-letter queue's contents, for instance.</summary>
    public async Task<List<BasicGetResult>> TakeAllAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        var taken = new List<BasicGetResult>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
        {
            taken.Add(message);
        }

        return taken;
    }

    /// <summary>Messages of <paramref name="queue"/> waiting and delivered but not acknowledged, as the broker counts them.</summary>
    public async Task<(long Ready, long Unacknowledged)> CountsAsync(string queue)
    {
        var output = await RunAsync("rabbitmqctl", "list_queues", "-q", "--no-table-headers", "name", "messages_ready", "messages_unacknowledged");
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t');
            if (parts.Length == 3 && parts[0] == queue)
            {
                return (long.Parse(parts[1]), long.Parse(parts[2]));
            }
        }

        throw new InvalidOperationException($"The broker has no queue '{queue}':\n{output}");
    }

    private ProcessStartInfo Start(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var environment = start.Environment;
        environment["HOME"] = folder;
        environment["RABBITMQ_NODENAME"] = NodeName;
        environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        environment["RABBITMQ_NODE_PORT"] = Port.ToString();
        environment["RABBITMQ_DIST_PORT"] = distributionPort.ToString();
        environment["ERL_EPMD_PORT"] = epmdPort.ToString();
        environment["ERL_EPMD_ADDRESS"] = "127.0.0.1";
        environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia");
        environment["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log");
        environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins");
        environment["RABBITMQ_CONFIG_FILE"] = Path.Combine(folder, "rabbitmq.conf");
        environment["RABBITMQ_PID_FILE"] = Path.Combine(folder, "pid");
        return start;
    }

    private async Task<string> RunAsync(string tool, params string[] args)
    {
        var file = tool == "epmd" ? FindEpmd() : Path.Combine(sbin, tool);
        using var process = Process.Start(Start(file, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({process.ExitCode}): {await output} {await error}");
        }

        return await output;
    }

    private static string FindScripts() =>
        (Directory.Exists("/usr/lib/rabbitmq/lib") ? Directory.GetDirectories("/usr/lib/rabbitmq/lib", "rabbitmq_server-*") : [])
            .Select(d => Path.Combine(d, "sbin")).Where(d => File.Exists(Path.Combine(d, "rabbitmq-server")))
            .OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
        ?? throw new InvalidOperationException("RabbitMQ was not found under /usr/lib/rabbitmq; run ./test.sh, which installs Debian's rabbitmq-server package.");

    private static string FindEpmd() =>
        (Directory.Exists("/usr/lib/erlang") ? Directory.GetDirectories("/usr/lib/erlang", "erts-*") : [])
            .Select(d => Path.Combine(d, "bin", "epmd")).FirstOrDefault(File.Exists) ?? "epmd";
}

/// <summary>One message to publish: its body, and the content type and message id properties (either may be absent).</summary>
public sealed record QueueTestMessage(byte[] Body, string? ContentType = "application/json", string? MessageId = null)
{
    public static QueueTestMessage Json(object value) => new(JsonSerializer.SerializeToUtf8Bytes(value, InProcessSilo.Json));
}

[CollectionDefinition(Name)]
public sealed class QueueCollection : ICollectionFixture<PostgresServer>, ICollectionFixture<RabbitMqServer>
{
    public const string Name = "queue";
}
