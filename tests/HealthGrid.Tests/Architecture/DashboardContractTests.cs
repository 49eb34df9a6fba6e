using System.Text.RegularExpressions;
using HealthGrid.Api.Live;
using HealthGrid.Tests.Infrastructure;

namespace HealthGrid.Tests.Architecture;

/// <summary>The dashboard names the server's pushes in one place, live.js; those names are exactly the hub client's methods.</summary>
public sealed partial class DashboardContractTests
{
    [Fact]
    public void The_pushes_the_dashboard_listens_for_are_the_pushes_the_server_sends()
    {
        var live = File.ReadAllText(Repository.PathOf("dashboard", "src", "live.js"));
        var declared = PushesObject().Match(live).Groups[1].Value;
        var entries = PushEntry().Matches(declared).Select(m => (Key: m.Groups[1].Value, Name: m.Groups[2].Value)).ToList();
        Assert.All(entries, e => Assert.Equal(e.Key, e.Name));
        var names = entries.Select(e => e.Name).Order(StringComparer.Ordinal);

        Assert.Equal(typeof(IDashboardClient).GetMethods().Select(m => m.Name).Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void No_view_names_a_push_but_through_live_js()
    {
        var methods = typeof(IDashboardClient).GetMethods().Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var offenders = Directory.EnumerateFiles(Repository.PathOf("dashboard", "src"), "*.js", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "live.js")
            .SelectMany(f => QuotedName().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Name: m.Groups[1].Value)))
            .Where(x => methods.Contains(x.Name))
            .ToList();

        Assert.True(offenders.Count == 0, string.Join(", ", offenders.Select(o => $"{o.File}: '{o.Name}'")));
    }

    [GeneratedRegex(@"export const Pushes = Object\.freeze\(\{([^}]*)\}\)")]
    private static partial Regex PushesObject();

    [GeneratedRegex(@"(\w+): '(\w+)'")]
    private static partial Regex PushEntry();

    [GeneratedRegex(@"'(\w+)'")]
    private static partial Regex QuotedName();
}
