using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace HealthGrid.Storage.Secrets;

/// <summary>
/// The Data Protection key ring in PostgreSQL, so that every silo of the cluster encrypts and decrypts
/// with the same keys (a secret written through one silo is read by all; a link signed by one is
/// checked by any). The key manager calls this rarely (start-up, key rotation), so plain synchronous
/// calls are what its interface asks for.
/// </summary>
public sealed class PostgresKeyRing(NpgsqlDataSource database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenConnection();
        return [.. connection.Query<string>("SELECT xml FROM healthgrid_data_protection_keys ORDER BY id").Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = database.OpenConnection();
        connection.Execute(
            "INSERT INTO healthgrid_data_protection_keys (friendly_name, xml) VALUES (@friendlyName, @xml) ON CONFLICT (friendly_name) DO NOTHING",
            new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}
