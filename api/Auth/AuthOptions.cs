using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Auth;

/// <summary>
/// How bearer tokens are checked; bound from <c>HealthGrid:Auth</c>. Without a configured
/// <see cref="SigningKey"/> each process makes a random one at start, so no token outlives it and no
/// key ships in a file: fine on one machine, while every silo of a cluster needs the same key.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "HealthGrid:Auth";

    [Required]
    public string Issuer { get; set; } = "healthgrid";

    [Required]
    public string Audience { get; set; } = "healthgrid";

    /// <summary>The HMAC-SHA256 key, at least 32 characters; empty for a random per-process key.</summary>
    [MinLength(32)]
    public string? SigningKey { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);
}
