namespace HealthGrid.Api.Cases;

/// <summary>The body of an acknowledge or resolve action on a case or an alert; optional.</summary>
public sealed class ActionRequest
{
    /// <summary>Optional: when given, it must be the signed-in user, under whose subject the action is recorded.</summary>
    public string? By { get; set; }

    /// <summary>Optional, kept with a case's transition.</summary>
    public string? Note { get; set; }
}
