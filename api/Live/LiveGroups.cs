using HealthGrid.Api.Auth;
using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Live;

namespace HealthGrid.Api.Live;

/// <summary>
/// Who may see a pushed change, as audience groups: the same rules as the API's object-level checks
/// (<see cref="Caller"/>), so a dashboard is never told what its user could not read.
/// </summary>
public static class LiveGroups
{
    public static IEnumerable<string> Of(CustomerUpdate update) => [Account(update.Summary.AccountId)];

    public static IEnumerable<string> Of(AccountUpdate update) => [Account(update.Id)];

    public static IEnumerable<string> Of(CaseView @case)
    {
        yield return Account(@case.AccountId);
        if (@case.Team is { } team)
        {
            yield return new Audience(AudienceKind.Team, team).Group;
        }

        if (@case.ProcessOwner is { } owner)
        {
            yield return new Audience(AudienceKind.ProcessOwner, owner).Group;
        }
    }

    public static IEnumerable<string> Of(LiveInteractionView interaction) =>
        [Account(interaction.AccountId), new Audience(AudienceKind.Team, interaction.Team).Group];

    private static string Account(string accountId) => new Audience(AudienceKind.Account, accountId).Group;
}
