using System.Globalization;
using System.Threading.RateLimiting;
using HealthGrid.Api.Auth;
using HealthGrid.Hosting.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthGrid.Api.Infrastructure;

/// <summary>
/// Rate limiting per client: ingest and reads have separate budgets so a flood of events cannot
/// starve a dashboard, and a noisy script cannot starve an integration. Over budget: 429 with
/// Retry-After and a problem body.
/// </summary>
public static class RateLimits
{
    public const string Ingest = "ingest";
    public const string Reads = "reads";

    public static IServiceCollection AddHealthGridRateLimits(this IServiceCollection services)
    {
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Section);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, options) =>
        {
            var limits = options.Value;
            limiter.AddPolicy(Ingest, context => Bucket(context, limits.IngestPerSecond, limits.IngestBurst));
            limiter.AddPolicy(Reads, context => Bucket(context, limits.ReadsPerSecond, limits.ReadsBurst));
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> Bucket(HttpContext context, int perSecond, int burst) =>
        RateLimitPartition.GetTokenBucketLimiter(ClientOf(context), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    /// <summary>The signed-in subject; before sign-in (an invalid token), the remote address.</summary>
    private static string ClientOf(HttpContext context) =>
        context.User.FindFirst(HealthGridClaims.Subject)?.Value is { Length: > 0 } subject
            ? $"sub:{subject}"
            : $"ip:{context.Connection.RemoteIpAddress}";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"This client is over its request budget. Retry after {retryAfter} s.",
            },
        });
    }
}
