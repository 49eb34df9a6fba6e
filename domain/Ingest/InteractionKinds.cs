namespace HealthGrid.Domain.Ingest;

public static class InteractionKinds
{
    /// <summary>Kinds HealthGrid writes itself (actions through the API, fired SLA timers); never accepted from clients.</summary>
    public static bool IsInternal(this InteractionKind kind) =>
        kind is InteractionKind.CaseAction or InteractionKind.AlertAction or InteractionKind.SlaTimer or InteractionKind.ConversationIdle;
}
