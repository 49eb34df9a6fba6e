namespace HealthGrid.Domain.Identity;

/// <summary>
/// What writing a mapping did: created it, found it there already, or refused it because the external
/// id is another customer's (<see cref="Owner"/>): one external id resolves to one customer.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.IdentityMapResult")]
public sealed record IdentityMapResult([property: Id(0)] bool Created, [property: Id(1)] string? Owner)
{
    public static IdentityMapResult New { get; } = new(true, null);

    public static IdentityMapResult Unchanged { get; } = new(false, null);

    public bool Conflict => Owner is not null;

    public static IdentityMapResult TakenBy(string owner) => new(false, owner);
}
