using System.Text.Json.Serialization;
using HealthGrid.Customers;
using HealthGrid.Ingest;

namespace HealthGrid.Postgres;

/// <summary>
/// How events and drivers are stored as JSON in PostgreSQL: camelCase with enum names, readable
/// by anyone querying the log. Source-generated because every accepted event is serialized once.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(ScoreDriver[]))]
internal sealed partial class JournalJson : JsonSerializerContext;
