using HealthGrid.Domain.Customers.Text;

namespace HealthGrid.Domain.Customers.Scoring;

/// <summary>What applying one event did: the recorded score change (null when nothing moved) and what its text said.</summary>
public sealed record HealthUpdate(ScoreChange? Change, TextSignal Text);
