using System.Text.Json;
using HealthGrid.LoadTests.Measure;

namespace HealthGrid.LoadTests.Report;

/// <summary>Writes a run's report as raw JSON, Markdown and a self-contained HTML page into one folder.</summary>
public static class ReportWriter
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<string> WriteAsync(RunReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.json"), JsonSerializer.Serialize(report, Json));
        await File.WriteAllTextAsync(Path.Combine(folder, "report.md"), MarkdownReport.Render(report));
        await File.WriteAllTextAsync(Path.Combine(folder, "report.html"), HtmlReport.Render(report));
        return folder;
    }
}
