using HealthGrid.Configuration;
using HealthGrid.Customers.Scoring;
using HealthGrid.Ingest;

namespace HealthGrid.Customers;

/// <summary>A customer's state transitions, free of grain and storage concerns.</summary>
public sealed class CustomerModel(string customerId, CustomerState state)
{
    public string CustomerId { get; } = customerId;

    public CustomerState State { get; } = state;

    public CustomerProfile? Profile => State.Profile;

    /// <summary>Applies one journaled event and remembers its sequence number.</summary>
    public HealthUpdate Apply(Interaction e, long seq, HealthModelOptions options)
    {
        var update = HealthModel.Apply(State.Health, CustomerId, e, seq, options);
        State.AppliedSeq = Math.Max(State.AppliedSeq, seq);
        return update;
    }

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
