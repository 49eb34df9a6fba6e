using System.Diagnostics;
using HealthGrid.LoadTests.Baseline;
using HealthGrid.LoadTests.Load;
using HealthGrid.LoadTests.Measure;
using HealthGrid.LoadTests.Report;
using HealthGrid.LoadTests.Workloads;

namespace HealthGrid.LoadTests.Cli;

/// <summary>
/// One run of an event scenario: set up a tenant, connect a dashboard client when alerts are
/// expected, measure the baseline when asked, drive the load, check the alerts and thresholds,
/// write the reports. Exit code 0 when everything passed, 1 when a threshold failed or an expected
/// alert was missing or repeated.
/// </summary>
public static class ScenarioRun
{
    public static async Task<int> ExecuteAsync(RunSettings settings, string commandLine, TextWriter output, CancellationToken cancellation)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wallBefore = Stopwatch.GetTimestamp();
        var progress = new ConsoleProgress(output, settings.Quiet);
        using var http = settings.Credentials.Http(settings.Url, Handler(settings.Connections), TimeSpan.FromMinutes(2));
        var tenant = await Tenant.CreateAsync(http, settings.Customers, settings.Accounts);
        var workload = new EventWorkload(tenant, new EventMix(settings.Mix, tenant.Run), settings.Choice, settings.BatchSize, (ulong)startedAt.Ticks);
        output.WriteLine($"{settings.Scenario}: {settings.Model.Description}; {settings.Choice.Description} in {tenant.Accounts.Length} account(s); {settings.BatchSize} event(s) per request");

        PhaseResult? baseline = null;
        if (settings.Baseline)
        {
            await using var server = await BaselineServer.StartAsync();
            using var baselineHttp = new HttpClient(Handler(settings.Connections)) { Timeout = TimeSpan.FromMinutes(2) };
            baseline = await PhaseRunner.RunAsync("baseline", $"{server.Address}baseline (plain Kestrel, 202)", new BaselineWorkload(workload, server),
                settings.Model, settings.Model.Description, settings.Duration, settings.Warmup, baselineHttp, progress, null, cancellation);
        }

        await using var listener = workload.Alerts is { } alerts
            ? await AlertListener.ConnectAsync(settings.Url, settings.Credentials, alerts.Received)
            : null;
        var result = await PhaseRunner.RunAsync("healthgrid", settings.Url.ToString(), workload, settings.Model, settings.Model.Description, settings.Duration, settings.Warmup,
            http, progress, workload.Alerts is { } expected ? async () => await expected.FinishAsync(TimeSpan.FromSeconds(10)) : null, cancellation);

        var ratio = baseline is { ItemsPerSecond: > 0 } ? Math.Round(result.ItemsPerSecond / baseline.ItemsPerSecond, 4) : (double?)null;
        var thresholds = settings.Thresholds.Select(t => t.Evaluate(result, ratio)).ToList();
        var endToEndOk = result.EndToEnd is not { } e2e || (e2e.Missing == 0 && e2e.Duplicates == 0);
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / Stopwatch.GetElapsedTime(wallBefore).TotalSeconds * 100;
        var report = new RunReport(settings.Scenario, commandLine, startedAt, $"{Environment.MachineName}, {Environment.ProcessorCount} cores, .NET {Environment.Version}",
            baseline, result, ratio, thresholds, Math.Round(cpu, 1), thresholds.All(t => t.Passed) && endToEndOk);

        var folder = await ReportWriter.WriteAsync(report, settings.ReportFolder);
        output.WriteLine();
        output.WriteLine(MarkdownReport.Render(report));
        output.WriteLine($"Reports: {Path.Combine(folder, "report.html")}, report.md, report.json");
        return report.Passed ? 0 : 1;
    }

    private static SocketsHttpHandler Handler(int connections) => new()
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
    };
}
