namespace HealthGrid.Api.Ingest;

/// <summary>Per-event results of a batch, in request order, with totals (<see cref="Conflict"/>: an id was another customer's).</summary>
public sealed record BatchResult(int Accepted, int Duplicate, int Rejected, int Unavailable, int Conflict, EventResult[] Results);
