using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;

namespace HealthGrid.Api.Infrastructure;

/// <summary>
/// Per-endpoint request body limits: Kestrel's 30 MB default fits an import, not a single event.
/// A body over its limit is refused with 413 (<see cref="RequestExceptionHandler"/>) before it is parsed.
/// </summary>
public static class BodyLimits
{
    public const long Small = 64 * 1024;
    public const long Batch = 4 * 1024 * 1024;
    public const long Import = 64 * 1024 * 1024;

    public static TBuilder LimitBody<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestSizeLimitAttribute(bytes));
}
