namespace HealthGrid.GrainInterfaces.Customers;

/// <summary>
/// Customer grain references without resolving the interface's grain type on every call: Orleans'
/// <c>GetGrain&lt;T&gt;(key)</c> reads the interface's attributes by reflection each time, which was
/// a tenth of the ingest path's CPU. The types are resolved once; references are built from them.
/// Used wherever many customers are called: ingest and continuity runs.
/// </summary>
public sealed class CustomerGrainReferences
{
    private readonly IGrainFactory grains;
    private readonly GrainType grainType;
    private readonly GrainInterfaceType interfaceType;

    public CustomerGrainReferences(IGrainFactory grains)
    {
        this.grains = grains;
        var prototype = (GrainReference)grains.GetGrain<ICustomerGrain>("type-probe");
        grainType = prototype.GrainId.Type;
        interfaceType = prototype.InterfaceType;
    }

    public ICustomerGrain Get(string customerId) => (ICustomerGrain)grains.GetGrain(GrainId.Create(grainType, customerId), interfaceType);
}
