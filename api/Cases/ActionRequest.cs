using System.Text.Json;
using System.Text.Json.Serialization;
using HealthGrid.Api.Infrastructure.Validation;

namespace HealthGrid.Api.Cases;

/// <summary>The body of an acknowledge or resolve action on a case or an alert; optional.</summary>
public sealed record ActionRequest : IUnknownFields
{
    /// <summary>Optional: when given, it must be the signed-in user, under whose subject the action is recorded.</summary>
    public string? By { get; init; }

    /// <summary>Optional, kept with a case's transition.</summary>
    public string? Note { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}
