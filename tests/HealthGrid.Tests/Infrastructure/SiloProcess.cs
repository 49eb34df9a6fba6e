using System.Diagnostics;
using System.Text;

namespace HealthGrid.Tests.Infrastructure;

/// <summary>
/// A HealthGrid silo in its own process (the built HealthGrid.Silo.dll), for what only a real
/// process shows: SIGKILL, several silos in one cluster. Listens on free loopback ports.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private SiloProcess(Process process, int httpPort)
    {
        this.process = process;
        HttpPort = httpPort;
        Http = TestAuth.Client(new Uri($"http://127.0.0.1:{httpPort}"), TestAuth.Admin, TimeSpan.FromSeconds(30));
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int HttpPort { get; }

    public HttpClient Http { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static string SiloAssembly => Path.Combine(AppContext.BaseDirectory, "HealthGrid.Silo.dll");

    /// <summary>Starts a silo in PostgreSQL mode and waits until /health/ready answers 200.</summary>
    public static Task<SiloProcess> StartAsync(string connectionString, int siloPort, int gatewayPort, int? httpPort = null, params string[] extraArgs) =>
        StartAsync(httpPort ?? FreePorts.Next(), ["--postgres", connectionString, $"--HealthGrid:Cluster:SiloPort={siloPort}", $"--HealthGrid:Cluster:GatewayPort={gatewayPort}", .. extraArgs]);

    /// <summary>
    /// Starts an embedded silo without the demo in its own process: for what must not share the test
    /// process, such as the exported metrics (OpenTelemetry merges same-named meters of in-process silos).
    /// </summary>
    public static Task<SiloProcess> StartEmbeddedAsync(params string[] extraArgs) => StartEmbeddedOnAsync(FreePorts.Next(), extraArgs);

    /// <summary>As <see cref="StartEmbeddedAsync"/>, on a given HTTP port (to come back where a killed one was).</summary>
    public static Task<SiloProcess> StartEmbeddedOnAsync(int httpPort, params string[] extraArgs) =>
        StartAsync(httpPort, ["--empty", $"--HealthGrid:Cluster:SiloPort={FreePorts.Next()}", $"--HealthGrid:Cluster:GatewayPort={FreePorts.Next()}", .. extraArgs]);

    private static async Task<SiloProcess> StartAsync(int port, string[] modeArgs)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] args = [SiloAssembly, "--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning", .. TestAuth.ServerArgs, .. modeArgs];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var silo = new SiloProcess(Process.Start(start)!, port);
        await silo.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        return silo;
    }

    /// <summary>Runs the silo with exactly these arguments until it exits by itself (a refused start, a command): its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[SiloAssembly, .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The silo did not exit within 60 s:\n{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>SIGKILL: no shutdown code runs, nothing is flushed.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await KillAsync();
        }

        Http.Dispose();
        process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The silo did not become ready in {timeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
