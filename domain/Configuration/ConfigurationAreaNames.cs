namespace HealthGrid.Domain.Configuration;

/// <summary>The configuration areas HealthGrid ships with, as the API names them.</summary>
public static class ConfigurationAreaNames
{
    /// <summary>SLA policies (matching rules, targets, warnings, escalation chains) and business calendars.</summary>
    public const string Sla = "sla";

    /// <summary>Journey stages, process owners, processes and categorization codes.</summary>
    public const string Organisation = "organisation";

    /// <summary>Health-model weights, priors, half-lives, bands and the churn model.</summary>
    public const string HealthModel = "health-model";

    /// <summary>Alert thresholds: health drops, theme spikes, concentration, live conversations.</summary>
    public const string Alerts = "alerts";

    /// <summary>Contact points (e-mail, webhooks, Slack, Teams, PagerDuty), recipients and notification rules; its secrets are write-only.</summary>
    public const string Notifications = "notifications";

    /// <summary>Personal data: what is redacted at the door, and how long each kind of data is kept.</summary>
    public const string Privacy = "privacy";

    /// <summary>The systems events come from (helpdesk webhooks), with their write-only secrets.</summary>
    public const string Connectors = "connectors";
}
