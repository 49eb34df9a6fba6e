using HealthGrid.Domain.Notifications;

namespace HealthGrid.Storage.Notifications;

/// <summary>
/// Applies a flush's decisions to the notifications already held, in the order they were made, the
/// same way in both stores: a planned notification is added unless its id exists (deciding again is
/// harmless); a settlement cancels and follows up (<see cref="NotificationSettlement.Apply"/>).
/// </summary>
internal static class NotificationLedger
{
    public static void Apply(IEnumerable<NotificationDecision> decisions, Func<string, IReadOnlyCollection<NotificationRecord>> ofAlert, Func<NotificationRecord, bool> add, Action<NotificationRecord> replace)
    {
        foreach (var decision in decisions)
        {
            foreach (var planned in decision.Planned)
            {
                add(NotificationRecord.Decided(planned, decision.At));
            }

            if (decision.Settlement is { } settlement)
            {
                var (cancelled, followUps) = settlement.Apply(ofAlert(settlement.Alert.Id), decision.At);
                foreach (var record in cancelled)
                {
                    replace(record);
                }

                foreach (var followUp in followUps)
                {
                    add(NotificationRecord.Decided(followUp, decision.At));
                }
            }
        }
    }
}
