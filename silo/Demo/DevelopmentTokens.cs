using HealthGrid.Api.Auth;
using Microsoft.Extensions.Options;

namespace HealthGrid.Silo.Demo;

/// <summary>
/// The silo's <c>token USER</c> command: a bearer token for a demo user, signed with the key the
/// silo uses under the same configuration, for curl and the load generator.
/// </summary>
public static class DevelopmentTokens
{
    public static int Print(IServiceProvider services, string userId)
    {
        var options = services.GetRequiredService<IOptions<AuthOptions>>().Value;
        if (!options.Development && string.IsNullOrEmpty(options.SigningKey))
        {
            Console.Error.WriteLine("token needs development mode (the embedded default) or a configured HealthGrid:Auth:SigningKey; with an identity provider, ask it for tokens.");
            return 2;
        }

        var users = services.GetRequiredService<DemoUsers>();
        if (users.Find(userId) is not { } user)
        {
            Console.Error.WriteLine($"Unknown demo user '{userId}'. Known: {string.Join(", ", users.All.Select(u => u.Id))}.");
            return 2;
        }

        Console.WriteLine(services.GetRequiredService<TokenIssuer>().Issue(user.Claims));
        return 0;
    }
}
