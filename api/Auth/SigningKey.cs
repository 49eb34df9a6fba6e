using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace HealthGrid.Api.Auth;

/// <summary>The key tokens are signed and checked with: the configured one, the development one, or a random one for this process.</summary>
public sealed class SigningKey(IOptions<AuthOptions> options)
{
    public SymmetricSecurityKey Key { get; } = new(options.Value switch
    {
        { SigningKey: { Length: > 0 } configured } => Encoding.UTF8.GetBytes(configured),
        { Development: true } => Encoding.UTF8.GetBytes(AuthOptions.DevelopmentSigningKey),
        _ => RandomNumberGenerator.GetBytes(32),
    });
}
