using HealthGrid.Domain.Ingest;

namespace HealthGrid.Api.Ingest;

/// <summary>The answer to one accepted event: <c>accepted</c>, or <c>duplicate</c> when the id was seen before.</summary>
public sealed record EventAcknowledgement(string EventId, IngestStatus Status);
