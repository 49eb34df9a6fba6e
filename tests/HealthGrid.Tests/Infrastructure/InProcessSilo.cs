using System.Net.Http.Json;
using System.Text.Json;
using HealthGrid.Silo;
using HealthGrid.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace HealthGrid.Tests.Infrastructure;

/// <summary>
/// A whole HealthGrid process (silo + Kestrel on a free loopback port) started in the test process,
/// in embedded mode without the demo unless asked. Tests talk to it over real HTTP.
/// </summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private InProcessSilo(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
        Http = TestAuth.Client(baseAddress, TestAuth.Admin);
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    /// <summary>Signed in as an admin, who may do everything.</summary>
    public HttpClient Http { get; }

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    /// <summary>One of the silo's services: its loops, to run a pass now and await it instead of waiting for their interval.</summary>
    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public static JsonSerializerOptions Json { get; } = CreateJson();

    public static Task<InProcessSilo> StartAsync(params string[] extraArgs) => StartAsync(demo: false, clock: null, extraArgs);

    /// <summary>With the demo organisation and its live traffic, as the first README command runs it.</summary>
    public static Task<InProcessSilo> StartWithDemoAsync(params string[] extraArgs) => StartAsync(demo: true, clock: null, extraArgs);

    /// <summary>
    /// HealthGrid's time (events' receipt, timers, loops, retention) on <paramref name="clock"/>, which the
    /// test advances; Orleans' own maintenance and token lifetimes stay on real time.
    /// </summary>
    public static Task<InProcessSilo> StartOnClockAsync(TimeProvider clock, params string[] extraArgs) => StartAsync(demo: false, clock, extraArgs);

    private static async Task<InProcessSilo> StartAsync(bool demo, TimeProvider? clock, string[] extraArgs)
    {
        string[] args =
        [
            demo ? "--HealthGrid:Demo:Enabled=true" : "--empty",
            "--urls", "http://127.0.0.1:0",
            $"--HealthGrid:Cluster:SiloPort={FreePorts.Next()}",
            $"--HealthGrid:Cluster:GatewayPort={FreePorts.Next()}",
            "--Logging:LogLevel:Default=Warning",
            .. TestAuth.ServerArgs,
            .. extraArgs,
        ];
        var app = HealthGridHost.Build(SiloCommandLine.Parse(args), clock is null ? null : services =>
        {
            services.AddSingleton(clock);
            services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new InProcessSilo(app, new Uri(address));
    }

    /// <summary>A client signed in as <paramref name="user"/>.</summary>
    public HttpClient ClientAs(HealthGrid.Api.Auth.TokenRequest user) => TestAuth.Client(BaseAddress, user);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HealthGrid.Api.Infrastructure.ApiJson.Configure(options);
        options.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip;
        return options;
    }
}

/// <summary>Typed reads and writes against a HealthGrid API.</summary>
public static class HealthGridHttp
{
    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient http, string path, object body) =>
        http.PutAsJsonAsync(path, body, InProcessSilo.Json);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, string path, object body) =>
        http.PostAsJsonAsync(path, body, InProcessSilo.Json);

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(InProcessSilo.Json))!;

    public static async Task<T> GetJsonAsync<T>(this HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.ReadAsync<T>();
    }
}
