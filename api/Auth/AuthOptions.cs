using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Api.Auth;

/// <summary>
/// How bearer tokens are checked; bound from <c>HealthGrid:Auth</c>. Production points
/// <see cref="Authority"/> at an OpenID Connect provider, or sets a shared <see cref="SigningKey"/>.
/// Development mode (on by default in the embedded mode) signs with a well-known key, so the silo's
/// <c>token</c> command and the dashboard's sign-in page can mint demo users' tokens; outside it, a
/// silo without a key or authority makes a random key per process, so no token outlives it.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "HealthGrid:Auth";

    /// <summary>Public on purpose: it signs development tokens only and is refused outside development mode.</summary>
    public const string DevelopmentSigningKey = "healthgrid-development-signing-key-not-for-production";

    [Required]
    public string Issuer { get; set; } = "healthgrid";

    [Required]
    public string Audience { get; set; } = "healthgrid";

    /// <summary>The HMAC-SHA256 key, at least 32 characters, shared by every silo of a cluster.</summary>
    [MinLength(32)]
    public string? SigningKey { get; set; }

    /// <summary>An OpenID Connect authority whose published keys sign the tokens (instead of <see cref="SigningKey"/>).</summary>
    [Url]
    public string? Authority { get; set; }

    /// <summary>Whether the authority's metadata must come over HTTPS (turn off only for a local identity provider).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Development mode: the well-known signing key, the demo sign-in page and an open API reference.</summary>
    public bool Development { get; set; }

    /// <summary>Lets development mode listen on a network address (<c>--allow-development-on-network</c>); refused otherwise.</summary>
    public bool AllowDevelopmentOnNetwork { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);
}
