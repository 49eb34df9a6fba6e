using System.Text.Json.Serialization;
using HealthGrid.Alerts;
using HealthGrid.Cases;
using HealthGrid.Customers;
using HealthGrid.Ingest;

namespace HealthGrid.Postgres;

/// <summary>
/// How events, drivers, cases and alerts are stored as JSON in PostgreSQL: camelCase with enum names, readable
/// by anyone querying the log. Source-generated because every accepted event is serialized once.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(ScoreDriver[]))]
[JsonSerializable(typeof(CaseView))]
[JsonSerializable(typeof(Alert))]
internal sealed partial class JournalJson : JsonSerializerContext;
