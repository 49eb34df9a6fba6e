using System.Globalization;
using HealthGrid.Api.Ingest;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace HealthGrid.Api.Infrastructure;

/// <summary>
/// The one Retry-After every 503 carries (<c>HealthGrid:Ingest:RetryAfterSeconds</c>): an event the
/// journal could not take, an action that could not be made durable, a silo out of reach.
/// </summary>
public sealed class RetryAfter(IOptionsMonitor<IngestOptions> options)
{
    public int Seconds => options.CurrentValue.RetryAfterSeconds;

    public void Set(HttpResponse response) => response.Headers.RetryAfter = Seconds.ToString(CultureInfo.InvariantCulture);
}
