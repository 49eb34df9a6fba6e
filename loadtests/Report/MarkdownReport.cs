using System.Globalization;
using System.Text;
using HealthGrid.LoadTests.Measure;

namespace HealthGrid.LoadTests.Report;

/// <summary>The report as Markdown: what ran, the results side by side with the baseline, thresholds, end-to-end alerts.</summary>
public static class MarkdownReport
{
    public static string Render(RunReport report)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Load test: {report.Scenario}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- started {report.StartedAt:u} on {report.Machine}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- command: `{report.CommandLine}`");
        md.AppendLine(CultureInfo.InvariantCulture, $"- generator CPU: {report.GeneratorCpuPercent:0}% of one core");
        md.AppendLine(CultureInfo.InvariantCulture, $"- result: **{(report.Passed ? "passed" : "FAILED")}**");
        md.AppendLine();
        var phases = report.Baseline is null ? new[] { report.Result } : [report.Baseline, report.Result];
        md.AppendLine("| | " + string.Join(" | ", phases.Select(p => p.Name)) + " |");
        md.AppendLine("|---|" + string.Concat(phases.Select(_ => "---|")));
        Row(md, "target", phases, p => p.Target);
        Row(md, "model", phases, p => p.Model);
        Row(md, "duration", phases, p => $"{p.DurationSeconds:0.0} s");
        Row(md, "requests", phases, p => $"{p.Requests:N0} ({p.RequestsPerSecond:N0}/s)");
        Row(md, "throughput", phases, p => $"**{p.ItemsPerSecond:N0} {p.ItemUnit}/s**");
        Row(md, "errors", phases, p => $"{p.Errors:N0} ({p.ErrorRate * 100:0.###}%)");
        Row(md, "late sends", phases, p => $"{p.LateSends:N0}");
        Row(md, "statuses", phases, p => string.Join(", ", p.Statuses.Select(s => $"{s.Key}: {s.Value:N0}")));
        foreach (var name in new[] { "p50", "p75", "p90", "p95", "p99", "p99.9", "max" })
        {
            Row(md, name, phases, p => $"{p.Latency.ByName(name):0.000} ms");
        }

        if (report.ThroughputOfBaseline is { } ratio)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Throughput is **{ratio * 100:0.0}%** of the baseline endpoint's, measured in the same run.");
        }

        if (report.Result.EndToEnd is { } e2e)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## End to end: {e2e.What}");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"expected {e2e.Expected:N0}, received {e2e.Received:N0}, missing **{e2e.Missing:N0}**, duplicates **{e2e.Duplicates:N0}**");
            md.AppendLine();
            md.AppendLine("| p50 | p75 | p90 | p95 | p99 | p99.9 | max |");
            md.AppendLine("|---|---|---|---|---|---|---|");
            md.AppendLine(CultureInfo.InvariantCulture, $"| {e2e.Latency.P50:0.000} ms | {e2e.Latency.P75:0.000} ms | {e2e.Latency.P90:0.000} ms | {e2e.Latency.P95:0.000} ms | {e2e.Latency.P99:0.000} ms | {e2e.Latency.P999:0.000} ms | {e2e.Latency.Max:0.000} ms |");
        }

        if (report.Thresholds.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Thresholds");
            md.AppendLine();
            md.AppendLine("| threshold | actual | |");
            md.AppendLine("|---|---|---|");
            foreach (var t in report.Thresholds)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| `{t.Threshold}` | {(t.Actual is { } a ? a.ToString("0.###", CultureInfo.InvariantCulture) : "n/a")} | {(t.Passed ? "pass" : "**FAIL**")} |");
            }
        }

        return md.ToString();
    }

    private static void Row(StringBuilder md, string label, IEnumerable<PhaseResult> phases, Func<PhaseResult, string> value) =>
        md.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {string.Join(" | ", phases.Select(value))} |");
}
