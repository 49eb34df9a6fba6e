using System.Text.Json;
using HealthGrid.Api.Infrastructure.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace HealthGrid.Api.Infrastructure;

/// <summary>
/// An optional JSON body, read by hand: the framework's binder wants a JSON content type whenever a
/// request does not say <c>Content-Length: 0</c>, so a plain <c>curl -X POST</c> or <c>-X DELETE</c> (no
/// length, no body) was refused. No body at all is the empty body (a new instance); a body must be JSON.
/// </summary>
public static class OptionalJsonBody
{
    public static async Task<(T? Body, FieldErrors? Unreadable, bool NotJson)> ReadAsync<T>(HttpRequest request, JsonSerializerOptions json)
        where T : class, new()
    {
        var canHaveBody = request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? true;
        if (!canHaveBody || request.ContentLength == 0)
        {
            return (new T(), null, false);
        }

        if (!request.HasJsonContentType())
        {
            return (null, null, true);
        }

        try
        {
            return (await request.ReadFromJsonAsync<T>(json, request.HttpContext.RequestAborted) ?? new T(), null, false);
        }
        catch (JsonException ex)
        {
            var (field, reason) = JsonErrors.Describe(ex);
            var errors = new FieldErrors();
            errors.Add(field, reason);
            return (null, errors, false);
        }
    }
}
