using HealthGrid.Api.Auth;
using HealthGrid.Silo.Hosting;
using HealthGrid.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace HealthGrid.Tests.Api;

/// <summary>Development mode (anyone may mint an admin token) stays on loopback unless forced, and the banner says which mode runs.</summary>
public sealed class SecureDefaultTests
{
    private static readonly AuthOptions DevelopmentMode = new() { Development = true };

    [Fact]
    public async Task The_embedded_default_refuses_a_network_address_and_says_how_to_force_it()
    {
        var (code, output) = await SiloProcess.RunToExitAsync("--empty", "--urls", $"http://0.0.0.0:{FreePorts.Next()}",
            $"--HealthGrid:Cluster:SiloPort={FreePorts.Next()}", $"--HealthGrid:Cluster:GatewayPort={FreePorts.Next()}");

        Assert.Equal(1, code);
        Assert.Contains("HealthGrid cannot start: development mode", output, StringComparison.Ordinal);
        Assert.Contains("http://0.0.0.0:", output, StringComparison.Ordinal);
        Assert.Contains("--allow-development-on-network", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://127.0.0.1:5080;http://192.168.1.20:5080")]
    [InlineData("http://healthgrid.example.com:5080")]
    public void Development_mode_refuses_every_network_address(string urls) =>
        Assert.NotNull(DevelopmentExposure.Refusal(Configuration("--urls", urls), DevelopmentMode));

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080;http://127.0.0.2:5081")]
    [InlineData("http://unix:/run/healthgrid.sock")]
    public void Development_mode_may_listen_on_loopback(string urls) =>
        Assert.Null(DevelopmentExposure.Refusal(Configuration("--urls", urls), DevelopmentMode));

    [Fact]
    public void A_kestrel_endpoint_counts_like_urls() =>
        Assert.NotNull(DevelopmentExposure.Refusal(Configuration("--urls", "http://127.0.0.1:5080", "--Kestrel:Endpoints:Public:Url=http://0.0.0.0:8080"), DevelopmentMode));

    [Fact]
    public void Production_mode_and_the_flag_may_listen_anywhere()
    {
        Assert.Null(DevelopmentExposure.Refusal(Configuration("--urls", "http://0.0.0.0:5080"), new() { Development = false }));
        var forced = Configuration("--urls", "http://0.0.0.0:5080", "--allow-development-on-network");
        Assert.Equal("true", forced["HealthGrid:Auth:AllowDevelopmentOnNetwork"]);
        Assert.Null(DevelopmentExposure.Refusal(forced, new() { Development = true, AllowDevelopmentOnNetwork = true }));
    }

    [Fact]
    public async Task The_banner_says_which_mode_runs()
    {
        await using var development = await SiloProcess.StartEmbeddedAsync("--HealthGrid:Auth:Development=true");
        await using var production = await SiloProcess.StartEmbeddedAsync("--HealthGrid:Auth:Development=false");
        foreach (var silo in new[] { development, production })
        {
            await Eventually.Until(() => Task.FromResult(silo.Output), o => o.Contains("Security:", StringComparison.Ordinal), what: "the startup banner");
        }

        Assert.Contains("Security:  development mode, loopback only", development.Output, StringComparison.Ordinal);
        Assert.Contains("Security:  production mode", production.Output, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params string[] args) =>
        new ConfigurationBuilder().AddCommandLine(SiloCommandLine.Parse(args).ConfigurationArgs).Build();
}
