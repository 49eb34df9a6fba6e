namespace HealthGrid.Storage.Projections;

/// <summary>
/// When a customer's next timer (SLA deadline, warning, escalation step, a conversation going idle)
/// is due; none when it has nothing pending. Kept in the store so that, when a silo dies, the survivors
/// find the customers whose timers are near and wake them at once instead of at the next reminder.
/// </summary>
public sealed record CustomerTimer(string CustomerId, DateTimeOffset? NextAt);
