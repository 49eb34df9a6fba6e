using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Customers.Scoring;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Projections;
using HealthGrid.GrainInterfaces.Accounts;
using HealthGrid.Grains.Alerts;
using HealthGrid.Grains.Hosting;
using HealthGrid.Grains.Live;
using HealthGrid.Grains.Projections;
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
    ProjectionPublisher publisher,
    LiveBroadcaster broadcaster,
    IOptionsMonitor<HealthModelOptions> model,
    IOptionsMonitor<AlertOptions> alertOptions,
    TimeProvider time) : Grain, IAccountGrain
{
    private readonly AccountMembers customers = new();

    /// <summary>Customers that left, with the profile version they left with: older summaries must not bring them back.</summary>
    private readonly Dictionary<string, long> departed = new(StringComparer.Ordinal);

    private OwnedAlerts alerts = null!;

    private string AccountId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        alerts = new OwnedAlerts(state.State.Alerts, AlertOwnerKind.Account, AccountId, publisher, broadcaster, time);
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
        await EvaluateConcentrationAsync();
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

    public async Task<AlertActionResult> ActOnAlertAsync(string alertId, AlertState to, string by)
    {
        if (alerts.Act(alertId, to, by) is not { } updated)
        {
            return new AlertActionResult(IngestStatus.Rejected, null, $"alert '{alertId}' cannot move to {to.ToString().ToLowerInvariant()}");
        }

        await state.WriteStateAsync();
        return new AlertActionResult(IngestStatus.Accepted, updated, null);
    }

    private async Task EvaluateConcentrationAsync()
    {
        if (state.State.Profile is not { } profile)
        {
            return;
        }

        var rollup = Rollup();
        var total = await totalRevenue.GetAsync(atLeast: rollup.Revenue);
        var open = alerts.Open.FirstOrDefault();
        var risk = ConcentrationRisk.Applies(rollup, total, alertOptions.CurrentValue.ConcentrationShare);
        if (risk && (open is null || open.Severity != SeverityOf(rollup)))
        {
            var share = ConcentrationRisk.ShareOf(rollup, total) * 100;
            var alert = open ?? alerts.New(AlertIds.Of("concentration", AccountId, ++state.State.RiskEpisodes), AlertType.ConcentrationRisk, SeverityOf(rollup), "",
                [new Audience(AudienceKind.Account, AccountId), Audience.Leadership]);
            alerts.Put(alert with
            {
                Severity = SeverityOf(rollup),
                Message = $"{profile.Name} holds {share:0.#}% of revenue and its health is {(rollup.Band == HealthBand.Critical ? "critical" : "at risk")} ({rollup.Health:0.#}); {rollup.RevenueAtRisk:N0} of its revenue is at risk.",
                AccountId = AccountId,
                Count = Math.Round(share, 1),
                UpdatedAt = time.GetUtcNow(),
            });
            await state.WriteStateAsync();
        }
        else if (!risk && open is not null)
        {
            alerts.Clear(open.Id);
            await state.WriteStateAsync();
        }
    }

    private static AlertSeverity SeverityOf(AccountRollup rollup) => rollup.Band == HealthBand.Critical ? AlertSeverity.Critical : AlertSeverity.High;

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
