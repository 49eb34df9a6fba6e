using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthGrid.Api.Infrastructure;

/// <summary>
/// Reads a JSON request body and turns malformed JSON, unknown fields and wrong types into an error
/// that names the field, where model binding would only say "bad request".
/// </summary>
public static class JsonBody
{
    public readonly record struct Result<T>(T? Value, FieldErrors? Errors)
        where T : class;

    public static async Task<Result<T>> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var errors = new FieldErrors();
        if (!request.HasJsonContentType())
        {
            errors.Add("body", "must be JSON (Content-Type: application/json)");
            return new Result<T>(null, errors);
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, request.HttpContext.RequestAborted);
            if (value is null)
            {
                errors.Add("body", "is required");
                return new Result<T>(null, errors);
            }

            return new Result<T>(value, null);
        }
        catch (JsonException ex)
        {
            errors.Add(ApiJson.FieldOf(ex), ApiJson.ReasonOf(ex));
            return new Result<T>(null, errors);
        }
    }
}
