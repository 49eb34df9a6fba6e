using System.Net;
using HealthGrid.Api.Auth;
using HealthGrid.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthGrid.Tests.Access;

/// <summary>Tokens that must not get in: expired, malformed, signed with another key, for another audience or issuer.</summary>
[Collection(AccessCollection.Name)]
public sealed class TokenTests(AccessWorld world)
{
    public static TheoryData<string> BadTokens() =>
    [
        "expired", "malformed", "wrong-signature", "wrong-audience", "wrong-issuer", "unsigned",
    ];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_401_on_the_api_and_the_hub(string kind)
    {
        var token = Make(kind);
        using var http = TestAuth.Client(world.Silo.BaseAddress, token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("/hubs/dashboard/negotiate?negotiateVersion=1", null)).StatusCode);
        using var anonymous = TestAuth.Client(world.Silo.BaseAddress, token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/hubs/dashboard/negotiate?negotiateVersion=1&access_token={token}", null)).StatusCode);
    }

    [Fact]
    public async Task The_query_string_token_is_honoured_on_the_hub_only()
    {
        var token = TestAuth.Token(TestAuth.Admin);
        using var anonymous = TestAuth.Client(world.Silo.BaseAddress, token: null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync($"/hubs/dashboard/negotiate?negotiateVersion=1&access_token={token}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/cases?access_token={token}")).StatusCode);
    }

    [Fact]
    public async Task The_hub_closes_a_connection_when_its_token_expires()
    {
        // Issued 57 s ago with a one-minute lifetime: valid now, expired in 3 s.
        var options = Options.Create(new AuthOptions { SigningKey = TestAuth.SigningKey, TokenLifetime = TimeSpan.FromMinutes(1) });
        var issuer = new TokenIssuer(new SigningKey(options), options, new FakeTimeProvider(DateTimeOffset.UtcNow.AddSeconds(-57)));
        await using var client = await DashboardClient.ConnectAsync(world.Silo.BaseAddress, issuer.Issue(AccessWorld.Executive));
        await client.Closed.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static string Make(string kind)
    {
        var user = TestAuth.Admin;
        return kind switch
        {
            "expired" => Issuer(TestAuth.SigningKey, new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-2))).Issue(user),
            "malformed" => "not.a.jwt",
            "wrong-signature" => Issuer("another-signing-key-of-sufficient-length-0123").Issue(user),
            "wrong-audience" => Issuer(TestAuth.SigningKey, audience: "someone-else").Issue(user),
            "wrong-issuer" => Issuer(TestAuth.SigningKey, issuer: "someone-else").Issue(user),
            "unsigned" => Unsigned(TestAuth.Token(user)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>The same claims with <c>alg: none</c> and no signature.</summary>
    private static string Unsigned(string token)
    {
        var parts = token.Split('.');
        var header = Convert.ToBase64String("{\"alg\":\"none\",\"typ\":\"JWT\"}"u8.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{header}.{parts[1]}.";
    }

    private static TokenIssuer Issuer(string key, TimeProvider? time = null, string audience = "healthgrid", string issuer = "healthgrid")
    {
        var options = Options.Create(new AuthOptions { SigningKey = key, Audience = audience, Issuer = issuer });
        return new TokenIssuer(new SigningKey(options), options, time ?? TimeProvider.System);
    }
}
