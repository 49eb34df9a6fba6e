using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace HealthGrid.Api.Infrastructure;

/// <summary>
/// Kestrel's own refusals while a body is read (over its size limit, cut short) keep their status
/// (413, 400) and get a problem body, rather than surfacing as a 500.
/// </summary>
public sealed class RequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        context.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request could not be read.",
                Detail = bad.Message,
                Extensions = { ["errors"] = new Dictionary<string, string[]> { ["body"] = [bad.Message] } },
            },
        });
    }
}
