using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.Identity;

/// <summary>
/// An event from another system (a helpdesk, a queue) whose customer it names only by its own
/// identifiers, tried in order (<see cref="Refs"/>: the organisation before the requester's e-mail
/// domain, say); <see cref="Interaction.CustomerId"/> is set once one resolves.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ExternalEvent")]
public sealed record ExternalEvent(
    [property: Id(0)] Interaction Event,
    [property: Id(1)] string Source,
    [property: Id(2)] IdentityRef[] Refs);
