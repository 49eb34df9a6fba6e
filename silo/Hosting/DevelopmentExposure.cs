using System.Net;
using HealthGrid.Api.Auth;

namespace HealthGrid.Silo.Hosting;

/// <summary>
/// Development mode lets anyone who reaches the silo mint themselves an admin token from the sign-in
/// page, so it listens on loopback addresses only unless forced (<c>--allow-development-on-network</c>).
/// The check reads the configured addresses before anything binds: a refused silo never serves a request.
/// </summary>
public static class DevelopmentExposure
{
    /// <summary>The reason this configuration must not start, or null when it may.</summary>
    public static string? Refusal(IConfiguration configuration, AuthOptions auth)
    {
        if (!auth.Development || auth.AllowDevelopmentOnNetwork)
        {
            return null;
        }

        var exposed = ListenAddresses(configuration).Where(address => !IsLoopback(address)).ToList();
        return exposed.Count == 0
            ? null
            : $"development mode (the demo sign-in gives anyone who reaches the silo an admin token) listens on loopback addresses only, and {string.Join(", ", exposed)} is not one. "
              + "For a network address configure HealthGrid:Auth:Authority or HealthGrid:Auth:SigningKey with HealthGrid:Auth:Development=false, or start with --allow-development-on-network to accept the risk.";
    }

    /// <summary>Every address Kestrel is told to listen on: <c>urls</c> (also <c>ASPNETCORE_URLS</c>) and <c>Kestrel:Endpoints:*:Url</c>.</summary>
    private static IEnumerable<string> ListenAddresses(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(endpoint => endpoint["Url"]).OfType<string>();
        return urls.Concat(endpoints);
    }

    private static bool IsLoopback(string url)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            // Kestrel refuses the address itself, with its own message.
            return true;
        }

        if (address.IsUnixPipe || address.IsNamedPipe || string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }
}
