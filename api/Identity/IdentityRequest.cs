using System.Text.Json;
using System.Text.Json.Serialization;
using HealthGrid.Api.Infrastructure.Validation;

namespace HealthGrid.Api.Identity;

/// <summary>The body of <c>PUT /api/v1/identities/{scheme}/{externalId}</c>: the customer the identifier belongs to.</summary>
public sealed record IdentityRequest : IUnknownFields
{
    public string? CustomerId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}

/// <summary>One line of <c>POST /api/v1/identities/import</c>.</summary>
public sealed record IdentityLine : IUnknownFields
{
    public string? Scheme { get; init; }

    public string? ExternalId { get; init; }

    public string? CustomerId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}

/// <summary>What an import did: mappings created and already there, parked events applied, and each line refused with its field.</summary>
public sealed record IdentityImportResult(int Created, int Unchanged, int Applied, ImportLineError[] Errors);

/// <summary>A line of an import that was refused, with the field at fault.</summary>
public sealed record ImportLineError(int Line, string Field, string Message);

/// <summary>A mapping as the API answers it.</summary>
public sealed record IdentityView(string Scheme, string ExternalId, string CustomerId, DateTimeOffset At, string By, int? Applied = null);

/// <summary>A parked event as operators see it: what, from where, why — its texts stay out of the list.</summary>
public sealed record ParkedView(string EventId, string Kind, string Source, string[] Refs, string Reason, DateTimeOffset OccurredAt, DateTimeOffset ParkedAt);

/// <summary>A page of mappings, and how many match in all.</summary>
public sealed record IdentityViewPage(IdentityView[] Items, long Total);

/// <summary>A page of parked events, oldest first, and how many are parked in all.</summary>
public sealed record ParkedViewPage(ParkedView[] Items, long Total);
