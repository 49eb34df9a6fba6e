using System.Text.Json;
using HealthGrid.LoadTests.Cli;
using HealthGrid.Tests.Infrastructure;

namespace HealthGrid.Tests.Api;

/// <summary>
/// The load generator's command line, briefly and slowly, against a silo in its own process (its
/// metrics are its own): the tool cannot rot, its reports are written, thresholds set its exit
/// code, and the alert path it times works end to end.
/// </summary>
public sealed class LoadGeneratorSmokeTests
{
    [Fact]
    public async Task Live_chat_times_every_alert_exactly_once_against_the_baseline_and_writes_the_reports()
    {
        await using var silo = await SiloProcess.StartEmbeddedAsync();
        var (exit, output, report) = await RunAsync(silo, "live-chat", "--rate", "40", "--seconds", "2", "--warmup-seconds", "1", "--customers", "10", "--baseline",
            "--threshold", "e2e.missing == 0", "--threshold", "errors < 1%");
        Assert.True(exit == 0, output);
        var result = report.GetProperty("result");
        var e2e = result.GetProperty("endToEnd");
        Assert.Equal(result.GetProperty("requests").GetInt64(), e2e.GetProperty("expected").GetInt64());
        Assert.Equal((0, 0), (e2e.GetProperty("missing").GetInt64(), e2e.GetProperty("duplicates").GetInt64()));
        Assert.True(report.GetProperty("baseline").GetProperty("requests").GetInt64() > 0);
        Assert.True(report.GetProperty("throughputOfBaseline").GetDouble() > 0.5);
        Assert.True(result.GetProperty("series").GetArrayLength() >= 2);
    }

    [Fact]
    public async Task Batch_ingest_in_a_closed_model_counts_events_and_a_missed_threshold_fails_the_run()
    {
        await using var silo = await SiloProcess.StartEmbeddedAsync();
        var (exit, output, report) = await RunAsync(silo, "batch", "--model", "closed", "--concurrency", "4", "--batch-size", "50", "--seconds", "2", "--warmup-seconds", "0",
            "--customers", "100", "--threshold", "throughput >= 1/s", "--threshold", "p99 < 0.001ms");
        Assert.Equal(1, exit);
        var result = report.GetProperty("result");
        Assert.Equal(result.GetProperty("requests").GetInt64() * 50, result.GetProperty("items").GetInt64());
        Assert.Equal(0, result.GetProperty("errors").GetInt64());
        var thresholds = report.GetProperty("thresholds").EnumerateArray().ToDictionary(t => t.GetProperty("threshold").GetString()!, t => t.GetProperty("passed").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["throughput >= 1/s"] = true, ["p99 < 0.001ms"] = false }, thresholds);
        Assert.Contains("**FAIL**", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_peak_season_day_of_every_event_kind_runs_clean()
    {
        await using var silo = await SiloProcess.StartEmbeddedAsync();
        var (exit, output, report) = await RunAsync(silo, "peak-mix", "--profile", "peak-day", "--rate", "150", "--seconds", "3", "--warmup-seconds", "0",
            "--customers", "200", "--accounts", "5", "--threshold", "errors == 0", "--threshold", "e2e.duplicates == 0");
        Assert.True(exit == 0, output);
        Assert.Equal(["202"], report.GetProperty("result").GetProperty("statuses").EnumerateObject().Select(s => s.Name));
    }

    [Fact]
    public async Task Sla_storm_receives_every_breach_at_its_due_time()
    {
        await using var silo = await SiloProcess.StartEmbeddedAsync();
        var (exit, output) = await InvokeAsync(silo, "sla-storm", "--cases", "40", "--customers", "10", "--lead-seconds", "3", "--window-seconds", "2");
        Assert.True(exit == 0, output);
        Assert.Contains("due → breach alert at the SignalR client: n=40", output, StringComparison.Ordinal);
        Assert.Contains("server fire delay (on-time breaches): n=40", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Busy_customer_updates_its_many_cases()
    {
        await using var silo = await SiloProcess.StartEmbeddedAsync();
        var (exit, output) = await InvokeAsync(silo, "busy-customer", "--cases", "50", "--rate", "50", "--seconds", "2");
        Assert.True(exit == 0, output);
        Assert.Contains("case update → 202 accepted: n=100", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activation_reports_memory_per_customer_and_checks_the_server_still_answers()
    {
        await using var silo = await SiloProcess.StartEmbeddedAsync();
        var (exit, output) = await InvokeAsync(silo, "activation", "--customers", "300", "--chunk", "100", "--probes", "20");
        Assert.True(exit == 0, output);
        Assert.Contains("active customer grains 0 → 300", output, StringComparison.Ordinal);
        Assert.Contains("B of GC heap", output, StringComparison.Ordinal);
        Assert.Contains("(n=20, errors 0)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continuity_runs_a_disruption_over_its_customers_and_exports_them_all()
    {
        // More customers than one page of the CSV export (5,000), so the export streams several pages.
        await using var silo = await SiloProcess.StartEmbeddedAsync();
        var (exit, output) = await InvokeAsync(silo, "continuity", "--customers", "6000", "--chunk", "3000", "--max-seconds", "60");
        Assert.True(exit == 0, output);
        Assert.Contains("run: completed, 6,000 of 6,000 candidates affected, 6,000 breaching (600 critical)", output, StringComparison.Ordinal);
        Assert.Contains("export: 6,000 customers as CSV", output, StringComparison.Ordinal);
        Assert.Contains("PASS", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_options_are_refused_with_a_message()
    {
        var output = new StringWriter();
        var exit = await LoadGeneratorCli.Build(output).Parse(["ingest", "--threshold", "p99 soon", "--batch-size", "5000"]).InvokeAsync(new() { Error = output, Output = output });
        Assert.NotEqual(0, exit);
        Assert.Contains("is not a threshold", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("--batch-size must be between 1 and 1000", output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A scenario that prints its own summary (no report files).</summary>
    private static async Task<(int Exit, string Output)> InvokeAsync(SiloProcess silo, params string[] args)
    {
        var output = new StringWriter();
        var exit = await LoadGeneratorCli.Build(output).Parse([.. args, "--url", silo.Http.BaseAddress!.ToString(), "--signing-key", TestAuth.SigningKey]).InvokeAsync();
        return (exit, output.ToString());
    }

    private static async Task<(int Exit, string Output, JsonElement Report)> RunAsync(SiloProcess silo, params string[] args)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"healthgrid-loadtest-{Guid.NewGuid():N}");
        var output = new StringWriter();
        try
        {
            var exit = await LoadGeneratorCli.Build(output).Parse([.. args, "--url", silo.Http.BaseAddress!.ToString(), "--signing-key", TestAuth.SigningKey, "--report", folder, "--quiet"]).InvokeAsync();
            Assert.True(File.Exists(Path.Combine(folder, "report.md")) && File.Exists(Path.Combine(folder, "report.html")), output.ToString());
            Assert.Contains("new Chart(", await File.ReadAllTextAsync(Path.Combine(folder, "report.html")), StringComparison.Ordinal);
            return (exit, output.ToString(), JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "report.json"))).RootElement.Clone());
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
