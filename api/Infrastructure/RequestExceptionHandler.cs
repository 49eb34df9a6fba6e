using System.Text.Json;
using HealthGrid.Api.Infrastructure.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace HealthGrid.Api.Infrastructure;

/// <summary>
/// A request body that could not be bound keeps its status and gets a problem body keyed by the field
/// at fault: JSON that does not read as the body's type names the field and why (<see cref="JsonErrors"/>),
/// a body that is not JSON is a 415, one over its size limit a 413 (Kestrel's own refusals).
/// </summary>
public sealed class RequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var (field, reason) = bad switch
        {
            { InnerException: JsonException json } => JsonErrors.Describe(json),
            { StatusCode: StatusCodes.Status415UnsupportedMediaType } => ("body", "must be JSON (Content-Type: application/json)"),
            _ => ("body", bad.Message),
        };
        context.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode switch
                {
                    StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
                    StatusCodes.Status400BadRequest => "The request is invalid.",
                    _ => "The request could not be read.",
                },
                Detail = bad.StatusCode == StatusCodes.Status400BadRequest ? null : bad.Message,
                Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [reason] } },
            },
        });
    }
}
