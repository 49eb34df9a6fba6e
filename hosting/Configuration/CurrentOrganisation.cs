using HealthGrid.Domain.Organisation;
using Microsoft.Extensions.Options;

namespace HealthGrid.Hosting.Configuration;

/// <summary>The organisation index for the configuration in force; rebuilt when the configuration changes.</summary>
public sealed class CurrentOrganisation : IDisposable
{
    private readonly IDisposable? subscription;
    private volatile OrganisationIndex index;

    public CurrentOrganisation(IOptionsMonitor<OrganisationOptions> options)
    {
        index = new OrganisationIndex(options.CurrentValue);
        subscription = options.OnChange(changed => index = new OrganisationIndex(changed));
    }

    public OrganisationIndex Index => index;

    public void Dispose() => subscription?.Dispose();
}
