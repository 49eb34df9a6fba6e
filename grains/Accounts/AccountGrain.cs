using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Configuration;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Customers.Scoring;
using HealthGrid.Domain.Projections;
using HealthGrid.GrainInterfaces.Accounts;
using HealthGrid.Grains.Alerts;
using HealthGrid.Grains.Configuration;
using HealthGrid.Grains.Hosting;
using HealthGrid.Grains.Live;
using HealthGrid.Storage.Projections;
using Microsoft.Extensions.Options;

namespace HealthGrid.Grains.Accounts;

/// <summary>
/// An account and the live summaries of its customers. Summaries arrive in batches from each silo's
/// projection publisher; on activation the grain rebuilds them from the directory, so only the
/// profile and open alerts are stored. Raises a concentration-risk alert to the account manager and
/// leadership while the account holds a large share of revenue and its health is at risk or worse.
/// </summary>
public sealed class AccountGrain(
    [PersistentState("account", StorageNames.Accounts)] IPersistentState<AccountState> state,
    IProjectionStore store,
    TotalRevenue totalRevenue,
    AlertPublishing alertPublishing,
    ProposedRules proposals,
    IOptionsMonitor<HealthModelOptions> model,
    IOptionsMonitor<AlertOptions> alertOptions,
    LiveBroadcaster broadcaster,
    TimeProvider time) : Grain, IAccountGrain
{
    /// <summary>The roll-up dashboards were last sent: a batch of summaries that moves nothing sends nothing.</summary>
    private AccountRollup? pushed;

    private readonly AccountMembers customers = new();

    /// <summary>Customers that left, with the profile version they left with: older summaries must not bring them back.</summary>
    private readonly Dictionary<string, long> departed = new(StringComparer.Ordinal);

    private OwnedAlerts alerts = null!;

    private string AccountId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        alerts = alertPublishing.For(state.State);
        if (state.State.Profile is not null)
        {
            Merge(await store.GetAccountCustomersAsync(AccountId, cancellationToken));
        }
    }

    public async Task<bool> UpsertProfileAsync(AccountProfile profile)
    {
        var created = state.State.Profile is null;
        state.State.Profile = profile;
        await state.WriteStateAsync();
        await store.UpsertAccountAsync(profile, CancellationToken.None);
        return created;
    }

    public Task<bool> ExistsAsync()
    {
        if (state.State.Profile is null)
        {
            DeactivateOnIdle();
        }

        return Task.FromResult(state.State.Profile is not null);
    }

    public Task<AccountView?> GetViewAsync()
    {
        if (state.State.Profile is not { } profile)
        {
            DeactivateOnIdle();
            return Task.FromResult<AccountView?>(null);
        }

        return Task.FromResult<AccountView?>(new AccountView(profile, Rollup(), [.. Members()]));
    }

    public async Task ApplyCustomerSummariesAsync(CustomerSummary[] summaries)
    {
        Merge(summaries);
        var rollup = Rollup();
        if (state.State.Profile is { } profile && rollup != pushed)
        {
            broadcaster.Publish(new AccountUpdate(AccountId, profile.Name, rollup));
            pushed = rollup;
        }

        await EvaluateConcentrationAsync(rollup);
    }

    public async Task ForgetCustomerAsync(string customerId)
    {
        customers.Remove(customerId);
        departed.Remove(customerId);
        await ApplyCustomerSummariesAsync([]);
    }

    public Task RemoveCustomerAsync(string customerId, long profileVersion)
    {
        if (customers.Find(customerId) is { } current && current.ProfileVersion < profileVersion)
        {
            customers.Remove(customerId);
        }

        departed[customerId] = Math.Max(profileVersion, departed.GetValueOrDefault(customerId));
        return Task.CompletedTask;
    }

    public Task<AlertActionResult> ActOnAlertAsync(string alertId, AlertState to, string by) => alerts.ActAsync(alertId, to, by, state.WriteStateAsync);

    /// <summary>A new concentration share would open or close this account's concentration-risk alert.</summary>
    public async Task<ConfigurationEffects> PreviewAsync(ConfigurationProposal proposal)
    {
        if (proposal.Area != ConfigurationAreaNames.Alerts || state.State.Profile is not { } profile)
        {
            return ConfigurationEffects.None;
        }

        var rollup = Rollup();
        var open = alerts.Open.FirstOrDefault();
        var share = proposals.Options<AlertOptions>(proposal).ConcentrationShare;
        var (put, clear) = ConcentrationAlerts.Evaluate(open, profile, rollup, await totalRevenue.GetAsync(atLeast: rollup.Revenue), share, state.State.RiskEpisodes + 1, proposal.At);
        return put is not null && open is null ? new ConfigurationEffects { AlertsOpening = [new AlertEffect(AlertType.ConcentrationRisk, AccountId, put.Message)] }
            : clear is not null ? new ConfigurationEffects { AlertsClosing = [new AlertEffect(AlertType.ConcentrationRisk, AccountId, $"Resolved: {open!.Message}", clear)] }
            : ConfigurationEffects.None;
    }

    public Task ReevaluateAsync(string area) => area == ConfigurationAreaNames.Alerts ? EvaluateConcentrationAsync(Rollup()) : Task.CompletedTask;

    /// <summary>Judges concentration on <paramref name="rollup"/>, the roll-up as it stands (computed once per batch of summaries).</summary>
    private async Task EvaluateConcentrationAsync(AccountRollup rollup)
    {
        if (state.State.Profile is not { } profile)
        {
            return;
        }

        var total = await totalRevenue.GetAsync(atLeast: rollup.Revenue);
        var open = alerts.Open.FirstOrDefault();
        var (put, clear) = ConcentrationAlerts.Evaluate(open, profile, rollup, total, alertOptions.CurrentValue.ConcentrationShare, open is null ? state.State.RiskEpisodes + 1 : state.State.RiskEpisodes, time.GetUtcNow());
        if (put is not null)
        {
            state.State.RiskEpisodes += open is null ? 1 : 0;
            alerts.Put(put);
        }
        else if (clear is not null)
        {
            alerts.Clear(clear);
        }

        if (put is not null || clear is not null)
        {
            await state.WriteStateAsync();
        }
    }

    private List<CustomerSummary> Members()
    {
        var members = customers.All.ToList();
        members.Sort(CustomerFilter.Compare);
        return members;
    }

    private AccountRollup Rollup() => customers.Rollup(model.CurrentValue);

    private void Merge(IEnumerable<CustomerSummary> summaries)
    {
        foreach (var summary in summaries)
        {
            var stale = summary.AccountId != AccountId
                || (departed.TryGetValue(summary.Id, out var leftAt) && summary.ProfileVersion < leftAt)
                || (customers.Find(summary.Id) is { } existing && !summary.IsNotOlderThan(existing));
            if (!stale)
            {
                customers.Put(summary);
            }
        }
    }
}
