namespace HealthGrid.Domain.Alerts;

[GenerateSerializer]
public enum AudienceKind
{
    /// <summary>One person, e.g. a case's assignee.</summary>
    User,

    /// <summary>A team and its supervisor.</summary>
    Team,

    ProcessOwner,

    /// <summary>Whoever manages the account: its account manager.</summary>
    Account,

    /// <summary>Executives: the management-review list.</summary>
    Leadership,

    /// <summary>Those who run HealthGrid (admins): operational alerts such as a disabled notification endpoint.</summary>
    Operators,
}
