namespace HealthGrid.Tests.Access;

[CollectionDefinition(Name)]
public sealed class AccessCollection : ICollectionFixture<AccessWorld>
{
    public const string Name = "access world";
}
