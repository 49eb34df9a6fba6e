using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Api.Infrastructure;

/// <summary>
/// The one place where infrastructure failures (a silo or the database out of reach, a timeout)
/// become 503 with Retry-After; any other exception stays a 500. No endpoint catches on its own.
/// </summary>
public sealed partial class InfrastructureExceptionHandler(IProblemDetailsService problems, RetryAfter retryAfter, ILogger<InfrastructureExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsInfrastructure(exception))
        {
            return false;
        }

        LogUnavailable(exception, context.Request.Path);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        retryAfter.Set(context.Response);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "HealthGrid is temporarily unavailable.",
                Detail = "A silo or the database could not be reached. Retry after the indicated delay.",
            },
        });
    }

    private static bool IsInfrastructure(Exception exception) => exception switch
    {
        TimeoutException or DbException or OrleansException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsInfrastructure),
        _ => exception.InnerException is { } inner && IsInfrastructure(inner),
    };

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Request {Path} failed on infrastructure; answered 503")]
    private partial void LogUnavailable(Exception exception, string path);
}
