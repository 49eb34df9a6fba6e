using System.Text.Json;

namespace HealthGrid.Api.Infrastructure.Validation;

/// <summary>
/// A request body that keeps the fields it does not know (System.Text.Json's extension data) so that
/// each one is refused by name: a misspelt <c>occuredAt</c> is a 400 naming it, not a silent default.
/// </summary>
public interface IUnknownFields
{
    Dictionary<string, JsonElement>? Unknown { get; }
}
