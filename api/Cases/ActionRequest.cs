namespace HealthGrid.Cases;

/// <summary>The body of an acknowledge or resolve action on a case or an alert.</summary>
public sealed class ActionRequest
{
    /// <summary>Who acts (a user id); recorded in the history.</summary>
    public string? By { get; set; }

    /// <summary>Optional, kept with a case's transition.</summary>
    public string? Note { get; set; }
}
