namespace HealthGrid.Domain.Alerts;

/// <summary>Who an alert is for. <see cref="Group"/> is the SignalR group its pushes go to.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.Audience")]
public sealed record Audience([property: Id(0)] AudienceKind Kind, [property: Id(1)] string? Id = null)
{
    public static readonly Audience Leadership = new(AudienceKind.Leadership);

    public static readonly Audience Operators = new(AudienceKind.Operators);

    public string Group => Kind switch
    {
        AudienceKind.User => "user:" + Id,
        AudienceKind.Team => "team:" + Id,
        AudienceKind.ProcessOwner => "owner:" + Id,
        AudienceKind.Account => "account:" + Id,
        AudienceKind.Operators => "operators",
        _ => "leadership",
    };

    public override string ToString() => Group;

    /// <summary>Parses "team:team-emea", "owner:po-billing", "account:acct-1", "user:u-1", "leadership" or "operators".</summary>
    public static bool TryParse(string? text, out Audience audience)
    {
        audience = Leadership;
        if (text == "leadership")
        {
            return true;
        }

        if (text == "operators")
        {
            audience = Operators;
            return true;
        }

        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0 || colon == text!.Length - 1)
        {
            return false;
        }

        AudienceKind? kind = text[..colon] switch
        {
            "user" => AudienceKind.User,
            "team" => AudienceKind.Team,
            "owner" => AudienceKind.ProcessOwner,
            "account" => AudienceKind.Account,
            _ => null,
        };
        if (kind is null)
        {
            return false;
        }

        audience = new Audience(kind.Value, text[(colon + 1)..]);
        return true;
    }
}
