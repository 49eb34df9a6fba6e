using System.Text.Json;
using HealthGrid.Domain.Configuration;
using HealthGrid.Domain.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGrid.Hosting.Configuration;

/// <summary>
/// One area's options as this silo has them in force: what every consumer of <typeparamref name="TOptions"/>
/// reads (it is their <see cref="IOptionsMonitor{TOptions}"/>), replaced as a whole when a newer
/// version arrives from the configuration store and announced to their change listeners. Starts from
/// the configuration file's values (validated at start-up as before) until the store's are loaded.
/// </summary>
public sealed partial class ConfigurationArea<TOptions> : IConfigurationArea, IOptionsMonitor<TOptions>, IOptions<TOptions>
    where TOptions : class
{
    private readonly IValidateOptions<TOptions>[] validators;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private readonly List<Action<TOptions, string?>> listeners = [];
    private InForce inForce;

    public ConfigurationArea(string name, string section, IOptionsFactory<TOptions> file, IEnumerable<IValidateOptions<TOptions>> validators, TimeProvider time, ILogger<ConfigurationArea<TOptions>> logger)
    {
        Name = name;
        Section = section;
        this.validators = [.. validators];
        this.logger = logger;
        var seed = file.Create(Options.DefaultName);
        SeedDocument = JsonSerializer.Serialize(seed, ConfigurationJson.Options);
        inForce = new InForce(seed, new ConfigurationVersion { Area = name, Version = 0, Document = SeedDocument, Author = ConfigurationVersion.FileAuthor, At = time.GetUtcNow() });
    }

    public string Name { get; }

    public string Section { get; }

    public Type OptionsType => typeof(TOptions);

    public string SeedDocument { get; }

    public ConfigurationVersion Current => Volatile.Read(ref inForce).Version;

    public TOptions CurrentValue => Volatile.Read(ref inForce).Options;

    TOptions IOptions<TOptions>.Value => CurrentValue;

    /// <summary>Areas have one, unnamed, instance.</summary>
    public TOptions Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<TOptions, string?> listener)
    {
        lock (gate)
        {
            listeners.Add(listener);
        }

        return new Subscription(this, listener);
    }

    public ParsedDocument Parse(string document)
    {
        TOptions? options;
        try
        {
            using var json = JsonDocument.Parse(document);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ParsedDocument.Invalid([new OptionError("", "the document must be a JSON object.")]);
            }

            var shape = new OptionErrors();
            DocumentShape.Check(json.RootElement, typeof(TOptions), shape);
            if (shape.Count > 0)
            {
                return ParsedDocument.Invalid(shape.All);
            }

            options = json.RootElement.Deserialize<TOptions>(ConfigurationJson.Options)!;
        }
        catch (JsonException ex)
        {
            return ParsedDocument.Invalid([new OptionError(PathOf(ex), ReasonOf(ex))]);
        }

        var errors = validators.SelectMany(v => Check(v, options)).Distinct().ToList();
        return errors.Count > 0 ? ParsedDocument.Invalid(errors) : new ParsedDocument(options, JsonSerializer.Serialize(options, ConfigurationJson.Options), []);
    }

    public bool Apply(ConfigurationVersion version)
    {
        if (version.Area != Name)
        {
            throw new ArgumentException($"Version {version.Version} belongs to area '{version.Area}', not '{Name}'.", nameof(version));
        }

        if (version.Version <= Current.Version)
        {
            return false;
        }

        var parsed = Parse(version.Document);
        if (!parsed.IsValid)
        {
            LogInvalidVersion(Name, version.Version, string.Join("; ", parsed.Errors));
            return false;
        }

        var options = (TOptions)parsed.Options!;
        Action<TOptions, string?>[] notify;
        lock (gate)
        {
            if (version.Version <= inForce.Version.Version)
            {
                return false;
            }

            Volatile.Write(ref inForce, new InForce(options, version));
            notify = [.. listeners];
        }

        LogApplied(Name, version.Version, version.Author);
        foreach (var listener in notify)
        {
            listener(options, Options.DefaultName);
        }

        return true;
    }

    /// <summary>Path-aware validators say where; any other (a framework one) is reported for the whole document.</summary>
    private static IEnumerable<OptionError> Check(IValidateOptions<TOptions> validator, TOptions options) =>
        validator is OptionsValidator<TOptions> located
            ? located.Check(options)
            : validator.Validate(Options.DefaultName, options) is { Failed: true } result ? result.Failures!.Select(f => new OptionError("", f)) : [];

    /// <summary>"$.policies[1].calendar" → "policies[1].calendar".</summary>
    private static string PathOf(JsonException exception) =>
        exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..]
        : exception.Path is { Length: > 1 } rooted && rooted.StartsWith('$') ? rooted[1..]
        : "";

    /// <summary>Unknown fields and nulls were found before reading (<see cref="DocumentShape"/>): what is left is a value the reader could not take.</summary>
    private static string ReasonOf(JsonException exception) => exception switch
    {
        JsonFieldException field => field.Reason,
        { Path: null } => "is not valid JSON.",
        _ => "has the wrong type or format (times are written hh:mm:ss, days d.hh:mm:ss).",
    };

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Configuration area {Area}: version {Version} by {Author} is in force")]
    private partial void LogApplied(string area, long version, string author);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Error, Message = "Configuration area {Area}: version {Version} is not valid for this build and was not applied; the version in force stays: {Errors}")]
    private partial void LogInvalidVersion(string area, long version, string errors);

    private sealed record InForce(TOptions Options, ConfigurationVersion Version);

    private sealed class Subscription(ConfigurationArea<TOptions> area, Action<TOptions, string?> listener) : IDisposable
    {
        public void Dispose()
        {
            lock (area.gate)
            {
                area.listeners.Remove(listener);
            }
        }
    }
}
