using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Configuration;
using HealthGrid.Domain.Customers.Scoring;
using HealthGrid.Domain.Customers.Text;
using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.Customers;

/// <summary>A customer's state transitions, free of grain and storage concerns.</summary>
public sealed class CustomerModel(string customerId, CustomerState state)
{
    private static readonly TimeSpan SourcesKeptFor = TimeSpan.FromDays(30);

    public string CustomerId { get; } = customerId;

    public CustomerState State { get; } = state;

    public CustomerProfile? Profile => State.Profile;

    /// <summary>
    /// Applies one journaled event: to the health score (customer events only), to the cases, to live
    /// conversations and health alerts; remembers its sequence number. <paramref name="analyze"/> replaces
    /// the text analysis (a projection running the same few texts for many customers remembers them)
    /// unless the event kept its analysis from before redaction.
    /// </summary>
    public (HealthUpdate Health, CaseEffects Effects) Apply(Interaction e, long seq, CustomerRules rules, Func<Interaction, TextSignal>? analyze = null)
    {
        var health = CountsForHealth(e)
            ? HealthModel.Apply(State.Health, CustomerId, e, seq, rules.Model, e.Analysis ?? analyze?.Invoke(e) ?? HealthModel.AnalysisOf(e))
            : new HealthUpdate(null, TextSignal.Empty);
        var effects = new CaseEffects();
        if (Profile is { } profile)
        {
            CaseMachine.Apply(State, e, seq, Context(profile, rules, e.OccurredAt), effects);
            if (effects.Retractions.Count > 0)
            {
                health = HealthModel.Retract(State.Health, CustomerId, e, seq, health, effects.Retractions, rules.Model);
            }
            FrustrationAlerts.Apply(State, e, health.Text, seq, CustomerId, profile, rules.Alerts, effects);
            HealthAlerts.Apply(State, health.Change, seq, CustomerId, profile, rules.Alerts, effects);
        }

        if (e.Source is { } source)
        {
            RecordSource(source, e.ReceivedAt);
        }

        State.AppliedSeq = Math.Max(State.AppliedSeq, seq);
        return (health, effects);
    }

    /// <summary>Notes the source's latest receipt; sources quiet for this customer for 30 days no longer count as behind its score.</summary>
    private void RecordSource(string source, DateTimeOffset at)
    {
        if (!State.Sources.TryGetValue(source, out var last) || last < at)
        {
            State.Sources[source] = at;
        }

        foreach (var old in State.Sources.Where(s => s.Value < at - SourcesKeptFor).Select(s => s.Key).ToList())
        {
            State.Sources.Remove(old);
        }
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
            HealthModel.Rescore(State.Health, options);
        }

        return previous is not null && previous.AccountId != profile.AccountId ? previous.AccountId : null;
    }

    /// <summary>Re-weighs the evidence after a change of the health model; true when the score, band or churn risk moved.</summary>
    public bool Rescore(HealthModelOptions options)
    {
        var health = State.Health;
        var before = (health.Score, health.Band, health.ChurnProbability, health.ChurnLevel);
        HealthModel.Rescore(health, options);
        return before != (health.Score, health.Band, health.ChurnProbability, health.ChurnLevel);
    }

    /// <summary>The band this customer would move to under <paramref name="proposed"/>, if it moves.</summary>
    public ConfigurationEffects PreviewHealth(HealthModelOptions proposed)
    {
        if (Profile is not { } profile)
        {
            return ConfigurationEffects.None;
        }

        var (score, band) = HealthModel.ScoreWith(State.Health, proposed);
        return band == State.Health.Band
            ? ConfigurationEffects.None
            : new ConfigurationEffects { BandChanges = [new BandChange(CustomerId, profile.Name, Math.Round(State.Health.Score, 1), State.Health.Band, Math.Round(score, 1), band)] };
    }

    /// <summary>
    /// What <paramref name="proposed"/> rules would do to the open cases at <paramref name="now"/>: the
    /// deadlines that move, and the clocks that would breach the moment they apply. It works on
    /// <paramref name="copy"/>, a copy of the cases, so nothing of this customer changes; applying the
    /// rules for real (<see cref="RefreshCases"/>) does the same to the cases themselves.
    /// </summary>
    public ConfigurationEffects PreviewSla(Dictionary<string, CaseState> copy, CustomerRules current, CustomerRules proposed, DateTimeOffset now)
    {
        if (Profile is not { } profile)
        {
            return ConfigurationEffects.None;
        }

        var before = State.Cases.Values.Where(c => c.IsOpen).ToDictionary(c => c.Id, c => CaseViews.From(c, Context(profile, current, now)), StringComparer.Ordinal);
        var effects = new CaseEffects();
        var copyState = new CustomerState { Profile = profile, Health = State.Health, Cases = copy };
        var context = Context(profile, proposed, now);
        CaseMachine.Refresh(copyState, now, State.AppliedSeq, context, effects);
        var moves = new List<DeadlineMove>();
        foreach (var after in effects.Cases.Where(c => before.ContainsKey(c.Id)))
        {
            var was = before[after.Id].Clocks;
            for (var i = 0; i < Math.Min(was.Length, after.Clocks.Length); i++)
            {
                if (was[i].State is ClockState.Running or ClockState.Paused && was[i].DueAt != after.Clocks[i].DueAt)
                {
                    moves.Add(new DeadlineMove(after.Id, CustomerId, was[i].Metric, was[i].DueAt, after.Clocks[i].DueAt));
                }
            }
        }

        // Fire what is due on the copy as the grain fires it after the change (a clock's warnings come
        // before its breach, one at a time), so that a breach behind a pending warning is found too.
        var breaches = new List<DeadlineMove>();
        for (var due = CaseTimers.Due(copy.Values, proposed.Policies, now); due.Count > 0; due = CaseTimers.Due(copy.Values, proposed.Policies, now))
        {
            foreach (var timer in due)
            {
                if (timer.Kind == SlaTimerKind.Breach)
                {
                    breaches.Add(new DeadlineMove(timer.CaseId, CustomerId, timer.Metric, before.GetValueOrDefault(timer.CaseId)?.Clocks.LastOrDefault(c => c.Metric == timer.Metric)?.DueAt, timer.DueAt));
                }

                CaseTimers.Fire(copyState, timer, State.AppliedSeq, context, effects);
            }
        }

        return new ConfigurationEffects { DeadlineMoves = [.. moves], BreachesAtOnce = [.. breaches] };
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
