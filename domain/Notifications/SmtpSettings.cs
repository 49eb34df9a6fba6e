using HealthGrid.Domain.Configuration;
using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Domain.Notifications;

/// <summary>The SMTP server e-mail notifications are submitted to.</summary>
public sealed class SmtpSettings
{
    /// <summary>Empty: e-mail contact points cannot be used (a rule naming one is refused).</summary>
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTlsWhenAvailable;

    public string? Username { get; set; }

    [Secret]
    public string? Password { get; set; }

    public string From { get; set; } = "HealthGrid <healthgrid@localhost>";
}
