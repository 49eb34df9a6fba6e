using System.Reflection;
using System.Text.RegularExpressions;
using HealthGrid.Domain.Customers.Scoring;
using HealthGrid.Tests.Infrastructure;

namespace HealthGrid.Tests.Architecture;

/// <summary>
/// The rules of docs/architecture.md that the compiler cannot see by itself: which Orleans assemblies
/// the domain may load, that its banned-symbol list leaves nothing of them unlisted but the
/// serialization attributes, which way the projects point, and that every namespace is its project's
/// root namespace plus its folder.
/// </summary>
public sealed partial class DependencyRuleTests
{
    /// <summary>The Orleans API hand-written domain code may use: what marks a type for serialization.</summary>
    private static readonly HashSet<string> AllowedInDomain = new(StringComparer.Ordinal)
    {
        "Orleans.GenerateSerializerAttribute", "Orleans.IdAttribute", "Orleans.AliasAttribute", "Orleans.ImmutableAttribute",
        "Orleans.GenerateFieldIds", "Orleans.OmitDefaultMemberValuesAttribute", "Orleans.SerializationCallbacksAttribute",
        "Orleans.SerializerTransparentAttribute", "Orleans.SuppressReferenceTrackingAttribute", "Orleans.OrleansConstructorAttribute",
    };

    private static readonly Dictionary<string, string> RootNamespaces = new(StringComparer.Ordinal)
    {
        ["domain"] = "HealthGrid.Domain",
        ["hosting"] = "HealthGrid.Hosting",
        ["storage"] = "HealthGrid.Storage",
        ["grain-interfaces"] = "HealthGrid.GrainInterfaces",
        ["grains"] = "HealthGrid.Grains",
        ["api"] = "HealthGrid.Api",
        ["silo"] = "HealthGrid.Silo",
        ["loadtests"] = "HealthGrid.LoadTests",
        ["tests/HealthGrid.Tests"] = "HealthGrid.Tests",
    };

    private static Assembly DomainAssembly => typeof(HealthModel).Assembly;

    [Fact]
    public void The_domain_loads_no_Orleans_assembly_but_the_serializer()
    {
        var orleans = DomainAssembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Orleans", StringComparison.Ordinal)).Order().ToArray();
        Assert.Equal(["Orleans.Serialization.Abstractions"], orleans.Where(n => n != "Orleans.Serialization"));
    }

    [Fact]
    public void The_banned_symbols_cover_everything_of_Orleans_the_domain_can_see_except_the_serialization_attributes()
    {
        var banned = File.ReadAllLines(Repository.PathOf("domain", "BannedSymbols.txt"))
            .Where(l => l.Length > 2 && l[1] == ':' && !l.StartsWith("//", StringComparison.Ordinal))
            .Select(l => l.Split(';')[0])
            .ToList();
        var bannedTypes = banned.Where(b => b.StartsWith("T:", StringComparison.Ordinal)).Select(b => b[2..]).ToHashSet(StringComparer.Ordinal);
        var bannedNamespaces = banned.Where(b => b.StartsWith("N:", StringComparison.Ordinal)).Select(b => b[2..]).ToList();
        var visible = new[] { typeof(GenerateSerializerAttribute).Assembly, typeof(Orleans.Serialization.Serializer).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .Select(t => t.FullName!.Split('+')[0])
            .Distinct();

        var unlisted = visible.Where(name => !AllowedInDomain.Contains(name)
            && !bannedTypes.Contains(name)
            && !bannedNamespaces.Any(ns => name.StartsWith(ns + ".", StringComparison.Ordinal))).ToList();
        Assert.True(unlisted.Count == 0, $"Orleans types the domain could use without the build failing: {string.Join(", ", unlisted)}. Ban them in domain/BannedSymbols.txt or allow them here.");
    }

    [Theory]
    [InlineData("HealthGrid.Domain", new[] { "HealthGrid." })]
    [InlineData("HealthGrid.Hosting", new[] { "HealthGrid.Storage", "HealthGrid.Grain", "HealthGrid.Api", "HealthGrid.Silo", "Orleans.Core", "Orleans.Runtime" })]
    [InlineData("HealthGrid.Storage", new[] { "HealthGrid.Grain", "HealthGrid.Api", "HealthGrid.Silo", "Orleans.Core", "Orleans.Runtime" })]
    [InlineData("HealthGrid.GrainInterfaces", new[] { "HealthGrid.Hosting", "HealthGrid.Storage", "HealthGrid.Grains", "HealthGrid.Api", "HealthGrid.Silo", "Npgsql" })]
    [InlineData("HealthGrid.Grains", new[] { "HealthGrid.Api", "HealthGrid.Silo", "Microsoft.AspNetCore" })]
    [InlineData("HealthGrid.Api", new[] { "HealthGrid.Grains", "HealthGrid.Storage", "HealthGrid.Silo", "Npgsql", "Orleans.Runtime" })]
    public void Dependencies_point_one_way(string assembly, string[] forbidden)
    {
        // ASP.NET Core's Data Protection (the key ring that signs notification links and encrypts secrets) is a library, not the web stack.
        var references = Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name!)
            .Where(r => !r.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal)).ToList();
        var wrong = references.Where(r => forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal))).ToList();
        Assert.True(wrong.Count == 0, $"{assembly} references {string.Join(", ", wrong)}");
    }

    [Fact]
    public void Every_namespace_is_its_project_root_namespace_and_its_folder()
    {
        var wrong = new List<string>();
        foreach (var (project, root) in RootNamespaces)
        {
            var directory = Repository.PathOf(project);
            foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains("node_modules", StringComparison.Ordinal)))
            {
                var folder = Path.GetRelativePath(directory, Path.GetDirectoryName(file)!);
                var expected = folder == "." ? root : $"{root}.{folder.Replace(Path.DirectorySeparatorChar, '.')}";
                if (NamespaceDeclaration().Match(File.ReadAllText(file)) is { Success: true } match && match.Groups[1].Value != expected)
                {
                    wrong.Add($"{Path.GetRelativePath(Repository.Root, file)}: {match.Groups[1].Value}, expected {expected}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();
}
