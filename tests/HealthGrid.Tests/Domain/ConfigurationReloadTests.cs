using HealthGrid.Domain.Alerts;
using HealthGrid.Hosting.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthGrid.Tests.Domain;

public sealed class ConfigurationReloadTests
{
    private const string Drop = "HealthGrid:Alerts:HealthDropPoints";

    private static (IConfigurationRoot Configuration, IOptionsMonitor<AlertOptions> Monitor) Build(string drop)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [Drop] = drop }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddValidatedOptions<AlertOptions>(AlertOptions.Section);
        return (configuration, services.BuildServiceProvider().GetRequiredService<IOptionsMonitor<AlertOptions>>());
    }

    [Fact]
    public void An_invalid_change_keeps_the_last_valid_values_and_a_valid_one_applies()
    {
        var (configuration, monitor) = Build("20");
        Assert.Equal(20, monitor.CurrentValue.HealthDropPoints);
        var changes = new List<double>();
        using var subscription = monitor.OnChange(o => changes.Add(o.HealthDropPoints));

        configuration[Drop] = "500";
        configuration.Reload();
        Assert.Equal(20, monitor.CurrentValue.HealthDropPoints);

        configuration[Drop] = "30";
        configuration.Reload();
        Assert.Equal(30, monitor.CurrentValue.HealthDropPoints);
        Assert.Equal([20.0, 30.0], changes);
    }

    [Fact]
    public void An_invalid_configuration_at_start_still_fails()
    {
        var (_, monitor) = Build("500");
        var failure = Assert.Throws<OptionsValidationException>(() => monitor.CurrentValue);
        Assert.Contains("HealthDropPoints", failure.Message, StringComparison.Ordinal);
    }
}
