namespace HealthGrid.Silo.Hosting;

/// <summary>
/// The silo's command line: <c>[run|migrate|token USER] [--empty] [--no-demo-traffic] [--postgres CONNECTION] [--config FILE]</c>
/// followed by any standard ASP.NET Core / configuration arguments (<c>--urls</c>, <c>--HealthGrid:Cluster:SiloPort=…</c>).
/// </summary>
public sealed record SiloCommandLine(SiloCommand Command, string[] ConfigurationArgs, string? ConfigFile, string? TokenUser = null)
{
    public const string Usage = """
        Usage: HealthGrid.Silo [run|migrate|token USER] [options] [configuration overrides]
          run                 start the silo (default)
          migrate             apply the PostgreSQL schema and exit (safe to run twice)
          token USER          development mode: print a bearer token for a demo user
                              (am-avery, am-blake, sup-emea, sup-amer, po-billing, exec, planner,
                              ingest-helpdesk, admin)
          --empty             start without the demo organisation and its traffic
          --no-demo-traffic   load the demo organisation but send no live demo events
          --postgres CS       PostgreSQL mode with this connection string
          --config FILE       a JSON file overriding healthgrid.json (organisation, health model)
          --urls URLS         where to listen (default http://127.0.0.1:5080)
        """;

    public static SiloCommandLine Parse(string[] args)
    {
        var command = SiloCommand.Run;
        var rest = new List<string>();
        string? configFile = null;
        string? tokenUser = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "run" when i == 0:
                    break;
                case "migrate" when i == 0:
                    command = SiloCommand.Migrate;
                    break;
                case "token" when i == 0 && i + 1 < args.Length:
                    command = SiloCommand.Token;
                    tokenUser = args[++i];
                    break;
                case "--help" or "-h":
                    command = SiloCommand.Help;
                    break;
                case "--empty":
                    rest.Add("--HealthGrid:Demo:Enabled=false");
                    break;
                case "--no-demo-traffic":
                    rest.Add("--HealthGrid:Demo:TrafficPerSecond=0");
                    break;
                case "--postgres" when i + 1 < args.Length:
                    rest.Add("--HealthGrid:Storage=PostgreSql");
                    rest.Add($"--ConnectionStrings:HealthGrid={args[++i]}");
                    break;
                case "--config" when i + 1 < args.Length:
                    configFile = args[++i];
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        return new SiloCommandLine(command, [.. rest], configFile, tokenUser);
    }
}

public enum SiloCommand
{
    Run,
    Migrate,
    Token,
    Help,
}
