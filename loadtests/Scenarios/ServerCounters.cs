using System.Globalization;
using System.Text.RegularExpressions;

namespace HealthGrid.LoadTests.Scenarios;

/// <summary>Counters read from the server's Prometheus export (<c>/metrics</c>): the server's own account of what it consumed and applied.</summary>
public static partial class ServerCounters
{
    /// <summary>The sum of every series of <paramref name="name"/> whose labels include all of <paramref name="labels"/> (<c>queue="bench"</c>).</summary>
    public static async Task<double> SumAsync(HttpClient http, string name, params string[] labels)
    {
        var text = await http.GetStringAsync("/metrics");
        double sum = 0;
        foreach (Match line in Series().Matches(text))
        {
            if (line.Groups["name"].Value == name && labels.All(l => line.Groups["labels"].Value.Contains(l, StringComparison.Ordinal)))
            {
                sum += double.Parse(line.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }

    [GeneratedRegex(@"^(?<name>[a-z_]+)\{(?<labels>[^}]*)\} (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex Series();
}
