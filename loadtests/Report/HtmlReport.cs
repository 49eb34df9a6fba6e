using System.Net;
using System.Text.Json;
using HealthGrid.LoadTests.Measure;

namespace HealthGrid.LoadTests.Report;

/// <summary>
/// The report as one HTML file that opens offline: Chart.js is embedded, the data inline. Charts:
/// latency percentiles over time, throughput over time (with the target rate), and the latency
/// distribution (percentile spectrum), the baseline drawn beside the run when there is one.
/// </summary>
public static class HtmlReport
{
    private static readonly Lazy<string> ChartJs = new(() =>
    {
        using var stream = typeof(HtmlReport).Assembly.GetManifestResourceStream("chart.umd.min.js")
            ?? throw new InvalidOperationException("Chart.js is not embedded: build the load generator with npm available.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Render(RunReport report)
    {
        // Inside a <script>, "</" must not appear in data: escape it.
        var data = JsonSerializer.Serialize(report, ReportWriter.Json).Replace("</", "<\\/", StringComparison.Ordinal);
        var summary = WebUtility.HtmlEncode(MarkdownReport.Render(report));
        return $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>HealthGrid load test: {{WebUtility.HtmlEncode(report.Scenario)}}</title>
            <style>
              body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1f2328; }
              .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 1.5rem; }
              .chart { height: 320px; position: relative; }
              pre { background: #f6f8fa; padding: 1rem; overflow: auto; font-size: .85rem; }
              .verdict { font-size: 1.3rem; font-weight: 700; color: {{(report.Passed ? "#1a7f37" : "#cf222e")}}; }
            </style>
            </head>
            <body>
            <h1>HealthGrid load test: {{WebUtility.HtmlEncode(report.Scenario)}}</h1>
            <p class="verdict">{{(report.Passed ? "Passed" : "Failed")}}</p>
            <div class="charts">
              <figure><figcaption>Latency percentiles over time (ms)</figcaption><div class="chart"><canvas id="latency" role="img" aria-label="Latency percentiles per second"></canvas></div></figure>
              <figure><figcaption>Throughput over time</figcaption><div class="chart"><canvas id="throughput" role="img" aria-label="Throughput per second"></canvas></div></figure>
              <figure><figcaption>Latency distribution (percentile spectrum, ms)</figcaption><div class="chart"><canvas id="distribution" role="img" aria-label="Latency by percentile"></canvas></div></figure>
            </div>
            <h2>Summary</h2>
            <pre>{{summary}}</pre>
            <script>{{ChartJs.Value}}</script>
            <script>
            const report = {{data}};
            const phases = [report.baseline, report.result].filter(Boolean);
            const colours = ['#8c959f', '#0969da'];
            const series = (phase, pick) => phase.series.map(p => ({ x: p.second, y: pick(p) }));
            const linear = { type: 'linear', title: { display: true, text: 'seconds' } };
            new Chart(document.getElementById('latency'), {
              type: 'line',
              data: { datasets: phases.flatMap((phase, i) => [
                { label: `${phase.name} p50`, data: series(phase, p => p.latency.p50), borderColor: colours[i], borderDash: [4, 3], pointRadius: 0 },
                { label: `${phase.name} p99`, data: series(phase, p => p.latency.p99), borderColor: colours[i], pointRadius: 0 },
                { label: `${phase.name} max`, data: series(phase, p => p.latency.max), borderColor: colours[i], borderWidth: 1, pointRadius: 0, hidden: true },
              ]) },
              options: { maintainAspectRatio: false, animation: false, parsing: true, scales: { x: linear, y: { type: 'logarithmic', title: { display: true, text: 'ms' } } } },
            });
            new Chart(document.getElementById('throughput'), {
              type: 'line',
              data: { datasets: phases.flatMap((phase, i) => [
                { label: `${phase.name} ${phase.itemUnit}/s`, data: series(phase, p => p.items), borderColor: colours[i], pointRadius: 0 },
                { label: `${phase.name} target requests/s`, data: series(phase, p => p.targetRate), borderColor: colours[i], borderDash: [2, 2], pointRadius: 0 },
                { label: `${phase.name} errors/s`, data: series(phase, p => p.errors), borderColor: '#cf222e', pointRadius: 0 },
              ]) },
              options: { maintainAspectRatio: false, animation: false, scales: { x: linear, y: { beginAtZero: true } } },
            });
            new Chart(document.getElementById('distribution'), {
              type: 'line',
              // Percentiles evenly spaced, so the tail (99, 99.9, 99.99) gets as much room as the median.
              data: { labels: report.result.spectrum.map(([p]) => `p${p}`), datasets: phases.map((phase, i) => ({ label: phase.name, data: phase.spectrum.map(([, ms]) => ms), borderColor: colours[i] })) },
              options: { maintainAspectRatio: false, animation: false, scales: { x: { type: 'category', title: { display: true, text: 'percentile' } }, y: { type: 'logarithmic', title: { display: true, text: 'ms' } } } },
            });
            </script>
            </body>
            </html>
            """;
    }
}
