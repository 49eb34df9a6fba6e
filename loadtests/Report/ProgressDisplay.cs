using System.Globalization;
using HealthGrid.LoadTests.Measure;
using Spectre.Console;

namespace HealthGrid.LoadTests.Report;

/// <summary>Shows a phase while it runs: a point per second (rate, latency, errors).</summary>
public interface IProgressDisplay
{
    Task RunAsync(string phase, string model, TimeSpan duration, Func<Action<SecondPoint>, Task> run);
}

/// <summary>
/// A live table in an interactive terminal (Spectre.Console), a line per second when the output is
/// redirected (CI logs), nothing at all for <c>--quiet</c>.
/// </summary>
public sealed class ConsoleProgress(TextWriter output, bool quiet) : IProgressDisplay
{
    public async Task RunAsync(string phase, string model, TimeSpan duration, Func<Action<SecondPoint>, Task> run)
    {
        if (quiet)
        {
            await run(_ => { });
            return;
        }

        output.WriteLine($"{phase}: {model}, {duration.TotalSeconds:0} s");
        if (Console.IsOutputRedirected || !ReferenceEquals(output, Console.Out))
        {
            await run(point => output.WriteLine(Line(point)));
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(phase)}[/]");
        foreach (var column in new[] { "second", "target/s", "done/s", "items/s", "errors", "p50 ms", "p99 ms", "max ms" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        await AnsiConsole.Live(table).StartAsync(async context =>
        {
            await run(point =>
            {
                if (table.Rows.Count >= 12)
                {
                    table.Rows.RemoveAt(0);
                }

                table.AddRow(Cells(point));
                context.Refresh();
            });
        });
    }

    private static string[] Cells(SecondPoint p) =>
    [
        F(p.Second, "0"), F(p.TargetRate, "0"), F(p.Requests, "0"), F(p.Items, "0"), p.Errors > 0 ? $"[red]{p.Errors}[/]" : "0",
        F(p.Latency.P50, "0.00"), F(p.Latency.P99, "0.00"), F(p.Latency.Max, "0.0"),
    ];

    private static string Line(SecondPoint p) =>
        $"  {F(p.Second, "0"),4} s  target {F(p.TargetRate, "0"),7}/s  done {p.Requests,7}/s  items {p.Items,8}/s  errors {p.Errors,5}  p50 {F(p.Latency.P50, "0.00"),8} ms  p99 {F(p.Latency.P99, "0.00"),8} ms  max {F(p.Latency.Max, "0.0"),8} ms";

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
