using System.CommandLine;

namespace HealthGrid.Silo.Hosting;

/// <summary>
/// The silo's command line (System.CommandLine): <c>[run|migrate|token USER|audit verify] [--empty] [--no-demo-traffic]
/// [--postgres CONNECTION] [--config FILE] [--urls URLS] [--allow-development-on-network]</c>, followed by any configuration override
/// (<c>--HealthGrid:Cluster:SiloPort=11112</c>, <c>--Logging:LogLevel:Default=Warning</c>), which is
/// handed to the host's configuration as it is. <c>--help</c> explains every command and option.
/// </summary>
public sealed record SiloCommandLine(SiloCommand Command, string[] ConfigurationArgs, string? ConfigFile, string? TokenUser = null)
{
    private static readonly Option<bool> Empty = new("--empty") { Description = "Start without the demo organisation and its traffic.", Recursive = true };
    private static readonly Option<bool> NoDemoTraffic = new("--no-demo-traffic") { Description = "Load the demo organisation but send no live demo events.", Recursive = true };
    private static readonly Option<string> Postgres = new("--postgres") { Description = "PostgreSQL mode with this connection string (Host=...;Username=...;Database=...).", Recursive = true };
    private static readonly Option<FileInfo> Config = new("--config") { Description = "A JSON file overriding healthgrid.json (organisation, health model, SLAs).", Recursive = true };
    private static readonly Option<string> Urls = new("--urls") { Description = "Where to listen (default http://127.0.0.1:5080).", Recursive = true };
    private static readonly Option<bool> AllowDevelopmentOnNetwork = new("--allow-development-on-network") { Description = "Let development mode (demo sign-in, admin tokens for anyone) listen on a non-loopback address.", Recursive = true };
    private static readonly Argument<string> User = new("user") { Description = "A demo user: am-avery, am-blake, sup-emea, sup-amer, po-billing, exec, planner, ingest-helpdesk, admin." };

    /// <summary>The command line as <paramref name="execute"/> gets it: one action per command; overrides are what no option took.</summary>
    public static RootCommand Root(Func<SiloCommandLine, CancellationToken, Task<int>> execute)
    {
        var root = new RootCommand("HealthGrid: a real-time customer health and escalation server. Without a command it runs the silo.")
        {
            Options = { Empty, NoDemoTraffic, Postgres, Config, Urls, AllowDevelopmentOnNetwork },
            TreatUnmatchedTokensAsErrors = false,
        };
        var run = new Command("run", "Start the silo (the default).") { TreatUnmatchedTokensAsErrors = false };
        var migrate = new Command("migrate", "Apply the PostgreSQL schema and exit (versioned, checksummed, safe to run twice).") { TreatUnmatchedTokensAsErrors = false };
        var token = new Command("token", "Development mode: print a bearer token for a demo user.") { Arguments = { User }, TreatUnmatchedTokensAsErrors = false };
        var audit = new Command("audit", "The audit log.");
        var verify = new Command("verify", "Recompute the audit log's hash chain (PostgreSQL mode) and say where it breaks; exit code 3 when it does.") { TreatUnmatchedTokensAsErrors = false };
        audit.Add(verify);
        root.SetAction((result, cancellation) => execute(From(result, SiloCommand.Run), cancellation));
        verify.SetAction((result, cancellation) => execute(From(result, SiloCommand.AuditVerify), cancellation));
        run.SetAction((result, cancellation) => execute(From(result, SiloCommand.Run), cancellation));
        migrate.SetAction((result, cancellation) => execute(From(result, SiloCommand.Migrate), cancellation));
        token.SetAction((result, cancellation) => execute(From(result, SiloCommand.Token), cancellation));
        root.Add(run);
        root.Add(migrate);
        root.Add(token);
        root.Add(audit);
        return root;
    }

    /// <summary>Parses without running anything: how tests start a silo with the arguments a person would type.</summary>
    public static SiloCommandLine Parse(string[] args)
    {
        SiloCommandLine? parsed = null;
        var result = Root((command, _) =>
        {
            parsed = command;
            return Task.FromResult(0);
        }).Parse(args);
        if (result.Errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", result.Errors.Select(e => e.Message)), nameof(args));
        }

        result.Invoke();
        return parsed ?? throw new ArgumentException("The arguments name no command.", nameof(args));
    }

    private static SiloCommandLine From(ParseResult result, SiloCommand command)
    {
        List<string> configuration = [];
        if (result.GetValue(Empty))
        {
            configuration.Add("--HealthGrid:Demo:Enabled=false");
        }

        if (result.GetValue(NoDemoTraffic))
        {
            configuration.Add("--HealthGrid:Demo:TrafficPerSecond=0");
        }

        if (result.GetValue(Postgres) is { } connectionString)
        {
            configuration.Add("--HealthGrid:Storage=PostgreSql");
            configuration.Add($"--ConnectionStrings:HealthGrid={connectionString}");
        }

        if (result.GetValue(Urls) is { } urls)
        {
            configuration.Add($"--urls={urls}");
        }

        if (result.GetValue(AllowDevelopmentOnNetwork))
        {
            configuration.Add("--HealthGrid:Auth:AllowDevelopmentOnNetwork=true");
        }

        configuration.AddRange(result.UnmatchedTokens);
        return new SiloCommandLine(command, [.. configuration], result.GetValue(Config)?.FullName, command == SiloCommand.Token ? result.GetValue(User) : null);
    }
}

public enum SiloCommand
{
    Run,
    Migrate,
    Token,
    AuditVerify,
}
