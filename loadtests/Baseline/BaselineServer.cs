using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HealthGrid.LoadTests.Baseline;

/// <summary>
/// The machine's own ceiling, measured in the same run: a plain Kestrel endpoint in the generator's
/// process that reads the request body and answers 202, nothing else. HealthGrid's results are then
/// quoted as a share of it, which holds across noisy or differently sized machines.
/// </summary>
public sealed class BaselineServer : IAsyncDisposable
{
    public const string Path = "/baseline";
    private readonly WebApplication app;

    private BaselineServer(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<BaselineServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost(Path, async (HttpRequest request) =>
        {
            // Read the body as HealthGrid has to, so the comparison is request for request.
            await request.Body.CopyToAsync(Stream.Null);
            return Results.StatusCode(StatusCodes.Status202Accepted);
        });
        await app.StartAsync();
        return new BaselineServer(app, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
