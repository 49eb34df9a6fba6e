using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HealthGrid.LoadTests.Measure;

/// <summary>
/// Pass/fail criteria such as <c>p99 &lt; 10ms</c>, <c>errors &lt; 0.1%</c>, <c>throughput &gt;= 20000/s</c>,
/// <c>e2e.p99 &lt; 10ms</c>, <c>e2e.missing == 0</c>, <c>baseline.ratio &gt;= 50%</c>. Latencies are in ms
/// (<c>us</c>, <c>ms</c>, <c>s</c> accepted), rates per second, ratios in percent.
/// </summary>
public sealed partial record Threshold(string Text, string Metric, string Operator, double Value)
{
    public static readonly string[] Metrics =
    [
        "p50", "p75", "p90", "p95", "p99", "p99.9", "max", "mean", "errors", "throughput", "requests", "late",
        "e2e.p50", "e2e.p75", "e2e.p90", "e2e.p95", "e2e.p99", "e2e.p99.9", "e2e.max", "e2e.missing", "e2e.duplicates", "baseline.ratio",
    ];

    public static Threshold Parse(string text)
    {
        var match = Syntax().Match(text.Trim());
        if (!match.Success || !Metrics.Contains(match.Groups["metric"].Value))
        {
            throw new FormatException($"'{text}' is not a threshold: write <metric> <op> <value>, e.g. \"p99 < 10ms\"; metrics: {string.Join(", ", Metrics)}");
        }

        var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        value *= match.Groups["unit"].Value switch
        {
            "us" => 0.001,
            "s" => 1000,
            _ => 1,
        };
        return new Threshold(text.Trim(), match.Groups["metric"].Value, match.Groups["op"].Value, value);
    }

    /// <summary>Thresholds from a JSON file: <c>["p99 &lt; 10ms", …]</c> or <c>{"thresholds": [...]}</c>.</summary>
    public static IEnumerable<Threshold> FromFile(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var list = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement : document.RootElement.GetProperty("thresholds");
        return list.EnumerateArray().Select(t => Parse(t.GetString() ?? "")).ToList();
    }

    public ThresholdResult Evaluate(PhaseResult result, double? baselineRatio)
    {
        double? actual = Metric switch
        {
            "errors" => result.ErrorRate * 100,
            "throughput" => result.ItemsPerSecond,
            "requests" => result.Requests,
            "late" => result.Requests == 0 ? 0 : 100.0 * result.LateSends / result.Requests,
            "e2e.missing" => result.EndToEnd?.Missing,
            "e2e.duplicates" => result.EndToEnd?.Duplicates,
            "baseline.ratio" => baselineRatio * 100,
            _ when Metric.StartsWith("e2e.", StringComparison.Ordinal) => result.EndToEnd?.Latency.ByName(Metric[4..]),
            _ => result.Latency.ByName(Metric),
        };
        var passed = actual is { } a && Operator switch
        {
            "<" => a < Value,
            "<=" => a <= Value,
            ">" => a > Value,
            ">=" => a >= Value,
            _ => a == Value,
        };
        return new ThresholdResult(Text, actual is { } v ? Math.Round(v, 3) : null, passed);
    }

    [GeneratedRegex(@"^(?<metric>[a-z0-9.]+)\s*(?<op><=|>=|==|<|>)\s*(?<value>[0-9]+(\.[0-9]+)?)\s*(?<unit>us|ms|s|%|/s)?$")]
    private static partial Regex Syntax();
}
