namespace HealthGrid.Api.Ingest;

/// <summary>Per-event results of a batch, in request order, with totals.</summary>
public sealed record BatchResult(int Accepted, int Duplicate, int Rejected, int Unavailable, EventResult[] Results);
