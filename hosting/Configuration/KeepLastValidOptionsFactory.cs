using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGrid.Hosting.Configuration;

/// <summary>
/// Builds and validates options like the default factory, but when a configuration file changes to
/// something invalid it logs why and keeps the last valid values instead of throwing: a bad edit of
/// healthgrid.json must not take a running server down. At start-up an invalid configuration still
/// fails (there is nothing valid to keep).
/// </summary>
public sealed partial class KeepLastValidOptionsFactory<TOptions>(
    IEnumerable<IConfigureOptions<TOptions>> setups,
    IEnumerable<IPostConfigureOptions<TOptions>> postConfigures,
    IEnumerable<IValidateOptions<TOptions>> validations,
    ILogger<KeepLastValidOptionsFactory<TOptions>> logger) : IOptionsFactory<TOptions>
    where TOptions : class
{
    private readonly OptionsFactory<TOptions> inner = new(setups, postConfigures, validations);
    private readonly Dictionary<string, TOptions> lastValid = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public TOptions Create(string name)
    {
        try
        {
            var created = inner.Create(name);
            lock (gate)
            {
                lastValid[name] = created;
            }

            return created;
        }
        catch (OptionsValidationException ex)
        {
            lock (gate)
            {
                if (!lastValid.TryGetValue(name, out var previous))
                {
                    throw;
                }

                LogKeptPrevious(typeof(TOptions).Name, string.Join("; ", ex.Failures));
                return previous;
            }
        }
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Error, Message = "The changed {Options} configuration is invalid and was not applied; the previous values stay in force: {Failures}")]
    private partial void LogKeptPrevious(string options, string failures);
}
