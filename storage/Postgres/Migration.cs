using System.Security.Cryptography;
using System.Text;

namespace HealthGrid.Storage.Postgres;

/// <summary>One versioned schema script, embedded in the silo as <c>Migrations/NNNN_name.sql</c>.</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    public string Checksum { get; } = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));

    /// <summary>Every migration shipped with this build, in version order.</summary>
    public static IReadOnlyList<Migration> All { get; } = Load();

    private static List<Migration> Load()
    {
        var assembly = typeof(Migration).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Migrations/", StringComparison.Ordinal)))
        {
            var file = resource["Migrations/".Length..^".sql".Length];
            var separator = file.IndexOf('_', StringComparison.Ordinal);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            migrations.Add(new Migration(int.Parse(file[..separator], System.Globalization.CultureInfo.InvariantCulture), file[(separator + 1)..], reader.ReadToEnd()));
        }

        return [.. migrations.OrderBy(m => m.Version)];
    }
}
