namespace HealthGrid.Domain.Notifications;

/// <summary>How the SMTP connection is secured (MailKit's SecureSocketOptions).</summary>
[GenerateSerializer]
[Alias("HealthGrid.SmtpSecurity")]
public enum SmtpSecurity
{
    None,
    Auto,
    SslOnConnect,
    StartTls,
    StartTlsWhenAvailable,
}
