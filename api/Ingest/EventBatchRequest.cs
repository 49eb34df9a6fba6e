namespace HealthGrid.Api.Ingest;

/// <summary>The body of <c>POST /api/v1/events/batch</c>.</summary>
public sealed class EventBatchRequest
{
    public List<EventRequest>? Events { get; set; }
}
