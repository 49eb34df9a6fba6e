using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers.Scoring;
using HealthGrid.Domain.Customers.Text;
using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.Customers;

/// <summary>A customer's state transitions, free of grain and storage concerns.</summary>
public sealed class CustomerModel(string customerId, CustomerState state)
{
    public string CustomerId { get; } = customerId;

    public CustomerState State { get; } = state;

    public CustomerProfile? Profile => State.Profile;

    /// <summary>
    /// Applies one journaled event: to the health score (customer events only), to the cases, to live
    /// conversations and health alerts; remembers its sequence number. <paramref name="analyze"/> replaces
    /// the text analysis (a projection running the same few texts for many customers remembers them).
    /// </summary>
    public (HealthUpdate Health, CaseEffects Effects) Apply(Interaction e, long seq, CustomerRules rules, Func<Interaction, TextSignal>? analyze = null)
    {
        var health = CountsForHealth(e)
            ? HealthModel.Apply(State.Health, CustomerId, e, seq, rules.Model, analyze?.Invoke(e) ?? TextAnalyzer.Analyze(HealthModel.TextOf(e)))
            : new HealthUpdate(null, TextSignal.Empty);
        var effects = new CaseEffects();
        if (Profile is { } profile)
        {
            CaseMachine.Apply(State, e, seq, Context(profile, rules, e.OccurredAt), effects);
            FrustrationAlerts.Apply(State, e, health.Text, seq, CustomerId, profile, rules.Alerts, effects);
            HealthAlerts.Apply(State, health.Change, seq, CustomerId, profile, rules.Alerts, effects);
        }

        State.AppliedSeq = Math.Max(State.AppliedSeq, seq);
        return (health, effects);
    }

    /// <summary>What customers do moves their health, and so do the breaches of their cases; actions taken inside HealthGrid do not.</summary>
    public static bool CountsForHealth(Interaction e) => !e.IsInternal || e.Timer is { Kind: SlaTimerKind.Breach };

    /// <summary>Points open cases at the SLA policies now in force.</summary>
    public CaseEffects RefreshCases(DateTimeOffset at, CustomerRules rules)
    {
        var effects = new CaseEffects();
        if (Profile is { } profile)
        {
            CaseMachine.Refresh(State, at, State.AppliedSeq, Context(profile, rules, at), effects);
        }

        return effects;
    }

    /// <summary>A case as it stands at <paramref name="now"/> (its clocks' elapsed time counted to then).</summary>
    public CaseView? Case(string caseId, CustomerRules rules, DateTimeOffset now) =>
        Profile is { } profile && State.Cases.TryGetValue(caseId, out var @case) ? CaseViews.From(@case, Context(profile, rules, now)) : null;

    private CaseContext Context(CustomerProfile profile, CustomerRules rules, DateTimeOffset at) =>
        new(CustomerId, profile, State.Health.Score, rules.Policies, rules.Organisation, rules.Sla, at);

    /// <summary>Sets the profile; returns the account the customer left, if it moved.</summary>
    public string? SetProfile(CustomerProfile profile, HealthModelOptions options)
    {
        var previous = State.Profile;
        State.Profile = profile;
        State.ProfileVersion++;
        if (previous is null && State.Health.AsOf is null)
        {
            HealthModel.Initialize(State.Health, options);
        }

        return previous is not null && previous.AccountId != profile.AccountId ? previous.AccountId : null;
    }

    public CustomerSummary Summary(DateTimeOffset now)
    {
        var profile = State.Profile ?? throw new InvalidOperationException($"Customer {CustomerId} has no profile.");
        return new CustomerSummary
        {
            Id = CustomerId,
            AccountId = profile.AccountId,
            Name = profile.Name,
            Tier = profile.Tier,
            Segment = profile.Segment,
            Region = profile.Region,
            Criticality = profile.Criticality,
            Revenue = profile.Revenue,
            Health = Math.Round(State.Health.Score, 1),
            Band = State.Health.Band,
            ChurnProbability = State.Health.ChurnProbability,
            ChurnLevel = State.Health.ChurnLevel,
            AppliedSeq = State.AppliedSeq,
            ProfileVersion = State.ProfileVersion,
            UpdatedAt = now,
        };
    }
}
