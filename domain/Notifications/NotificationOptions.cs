using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace HealthGrid.Domain.Notifications;

/// <summary>
/// Who is told about alerts, where and when; bound from <c>HealthGrid:Notifications</c> and held in the
/// configuration store as the <c>notifications</c> area. Nothing is reached until a notification is due.
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "HealthGrid:Notifications";

    /// <summary>The dashboard's address as recipients reach it: the base of every link in a message.</summary>
    [Required]
    public string DashboardUrl { get; set; } = "http://127.0.0.1:5080/";

    /// <summary>How long an acknowledge or resolve link in a message works.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Per recipient and contact point, notifications due within this window after one was sent go out together as one digest.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan BundleWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The Standard Webhooks retry schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.</summary>
    public static IReadOnlyList<TimeSpan> StandardRetries { get; } =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    /// <summary>Waits before each retry of a failed attempt; after the last, the notification has failed. Empty: <see cref="StandardRetries"/>.</summary>
    public List<TimeSpan> RetrySchedule { get; set; } = [];

    [JsonIgnore]
    public IReadOnlyList<TimeSpan> Retries => RetrySchedule.Count > 0 ? RetrySchedule : StandardRetries;

    /// <summary>How long one attempt may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A transition older than this when first seen (history replayed or imported) is not notified: a
    /// notification about last month's breach helps nobody.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan MaxLateness { get; set; } = TimeSpan.FromHours(1);

    public SmtpSettings Smtp { get; set; } = new();

    public List<ContactPointSettings> ContactPoints { get; set; } = [];

    public List<RecipientSettings> Recipients { get; set; } = [];

    public List<NotificationRuleSettings> Rules { get; set; } = [];

    /// <summary>The organisation's own message texts; every part without one uses the shipped default.</summary>
    public List<TemplateSettings> Templates { get; set; } = [];
}
