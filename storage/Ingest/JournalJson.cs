using System.Text.Json.Serialization;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Notifications;

namespace HealthGrid.Storage.Ingest;

/// <summary>
/// How events, drivers, cases, alerts and continuity scenarios and runs are stored as JSON in PostgreSQL:
/// camelCase with enum names, readable by anyone querying the tables. Source-generated because every
/// accepted event is serialized once.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(ScoreDriver[]))]
[JsonSerializable(typeof(CaseView))]
[JsonSerializable(typeof(Alert))]
[JsonSerializable(typeof(ContinuityScenario))]
[JsonSerializable(typeof(ContinuityRun))]
[JsonSerializable(typeof(ImpactRow))]
[JsonSerializable(typeof(NotificationRecord))]
internal sealed partial class JournalJson : JsonSerializerContext;
