using System.Globalization;
using System.Text.RegularExpressions;

namespace HealthGrid.LoadTests.Measure;

/// <summary>The server's own view of its memory and active customers, read from its Prometheus metrics.</summary>
public readonly partial record struct ServerMemory(double ActiveCustomers, double Heap, double WorkingSet)
{
    public static async Task<ServerMemory> ReadAsync(HttpClient http)
    {
        var text = await http.GetStringAsync("/metrics");
        return new ServerMemory(Sum(text, "healthgrid_customers_active"), Sum(text, "dotnet_gc_last_collection_heap_size_bytes"), Sum(text, "dotnet_process_memory_working_set_bytes"));
    }

    public static string Mb(double bytes) => (bytes / 1_048_576).ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The sum of a Prometheus series over its labels.</summary>
    private static double Sum(string text, string series) =>
        SeriesLine().Matches(text).Where(m => m.Groups["name"].Value == series).Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-z_]+)(\{[^}]*\})? (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex SeriesLine();
}
