using HealthGrid.Domain.Configuration;

namespace HealthGrid.Hosting.Configuration;

/// <summary>
/// A configuration area: a name, a schema (its options class and that class's validators) and the
/// version of its document in force on this silo. Areas are registered with
/// <see cref="ConfigurationAreaServices.AddConfigurationArea{TOptions}"/>; the store, the API and the admin
/// console know nothing more about an area than this, so a new one needs no code of theirs.
/// </summary>
public interface IConfigurationArea
{
    /// <summary>The area's name in the API: <c>/api/v1/config/{name}</c>.</summary>
    string Name { get; }

    /// <summary>The section of healthgrid.json that seeds the area's first version.</summary>
    string Section { get; }

    Type OptionsType { get; }

    /// <summary>The version in force on this silo; version 0 until the store's has been loaded.</summary>
    ConfigurationVersion Current { get; }

    /// <summary>The configuration file's settings as a document: the first version of a fresh install.</summary>
    string SeedDocument { get; }

    /// <summary>Reads and validates a document: its options and canonical form, or every error by field.</summary>
    ParsedDocument Parse(string document);

    /// <summary>Puts a version in force on this silo when it is newer than the one in force; false otherwise, or when it is invalid (logged).</summary>
    bool Apply(ConfigurationVersion version);
}
