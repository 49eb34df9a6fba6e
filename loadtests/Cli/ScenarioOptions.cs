using System.CommandLine;
using HealthGrid.Api.Auth;
using HealthGrid.LoadTests.Load;
using HealthGrid.LoadTests.Measure;
using HealthGrid.LoadTests.Workloads;

namespace HealthGrid.LoadTests.Cli;

/// <summary>The defaults that make a scenario what it is; every one can be changed on the command line.</summary>
public sealed record ScenarioDefaults(EventMixKind Mix, int BatchSize, double Rate, int Customers, int Accounts, double Zipf, string[] Thresholds);

/// <summary>The options every event scenario takes, with help text that explains each one.</summary>
public sealed class ScenarioOptions
{
    private readonly Option<Uri> url = UrlOption.Create();
    private readonly Option<string?> token = new("--token") { Description = "A bearer token with the admin role (or set HEALTHGRID_TOKEN), used for setup, the events and the dashboard client. Overrides --signing-key." };
    private readonly Option<string> signingKey = new("--signing-key") { Description = "The server's HealthGrid:Auth:SigningKey, to mint the generator's own tokens. Default: the development key of the embedded silo.", DefaultValueFactory = _ => AuthOptions.DevelopmentSigningKey };
    private readonly Option<string> model = new("--model") { Description = "open: requests on a schedule from --profile, latency from each scheduled time (no coordinated omission); closed: --concurrency senders, each sending when the last answered.", DefaultValueFactory = _ => "open" };
    private readonly Option<string> profile = new("--profile") { Description = "Open model arrival rate: constant (--rate), ramp (--rate → --to-rate), step (--steps from --rate to --to-rate), spike (--rate with --spike-rate for --spike-seconds mid-run), peak-day (a peak-season day compressed into --seconds, peaking at --rate), file (--profile-file).", DefaultValueFactory = _ => "constant" };
    private readonly Option<double> rate;
    private readonly Option<double?> toRate = new("--to-rate") { Description = "Final rate (requests/s) of a ramp or step profile." };
    private readonly Option<int> steps = new("--steps") { Description = "Steps of a step profile.", DefaultValueFactory = _ => 5 };
    private readonly Option<double?> spikeRate = new("--spike-rate") { Description = "Rate (requests/s) during a spike; default 3 × --rate." };
    private readonly Option<int> spikeSeconds = new("--spike-seconds") { Description = "Length of a spike.", DefaultValueFactory = _ => 5 };
    private readonly Option<FileInfo?> profileFile = new("--profile-file") { Description = "A recorded profile: CSV lines 'seconds,rate', stretched to --seconds and scaled by --profile-scale." };
    private readonly Option<double> profileScale = new("--profile-scale") { Description = "Multiplier for the rates of --profile-file.", DefaultValueFactory = _ => 1 };
    private readonly Option<int> concurrency = new("--concurrency") { Description = "Senders of the closed model.", DefaultValueFactory = _ => 64 };
    private readonly Option<int> seconds = new("--seconds") { Description = "How long to measure.", DefaultValueFactory = _ => 30 };
    private readonly Option<int> warmup = new("--warmup-seconds") { Description = "Traffic before measuring, not recorded (activates customers, warms the JIT and connections).", DefaultValueFactory = _ => 5 };
    private readonly Option<int> customers;
    private readonly Option<int> accounts;
    private readonly Option<double> zipf;
    private readonly Option<int> batchSize;
    private readonly Option<string> mix;
    private readonly Option<bool> baseline = new("--baseline") { Description = "First measure a plain Kestrel endpoint in this process with the same requests and model, and report HealthGrid's throughput as a share of it." };
    private readonly Option<string[]> thresholds;
    private readonly Option<FileInfo?> thresholdsFile = new("--thresholds-file") { Description = "A JSON file with thresholds: [\"p99 < 10ms\", …] or {\"thresholds\": [...]}." };
    private readonly Option<DirectoryInfo?> report = new("--report") { Description = "Folder for report.json, report.md and report.html. Default: loadtest-reports/<scenario>-<time>." };
    private readonly Option<bool> quiet = new("--quiet") { Description = "No progress display while running." };
    private readonly Option<int> connections = new("--connections") { Description = "Most HTTP connections to the server.", DefaultValueFactory = _ => 512 };

    public ScenarioOptions(ScenarioDefaults defaults)
    {
        rate = new("--rate") { Description = "Open model: requests per second (the start of a ramp or step, the base of a spike, the peak of peak-day).", DefaultValueFactory = _ => defaults.Rate };
        customers = new("--customers") { Description = "Customers the events go to (created for the run).", DefaultValueFactory = _ => defaults.Customers };
        accounts = new("--accounts") { Description = "Accounts the customers are spread over.", DefaultValueFactory = _ => defaults.Accounts };
        zipf = new("--zipf") { Description = "Skew of the customer choice: Zipf exponent (about 1 makes a few customers and their accounts hot); 0 for uniform.", DefaultValueFactory = _ => defaults.Zipf };
        batchSize = new("--batch-size") { Description = "Events per request: 1 posts to /api/v1/events, more to /api/v1/events/batch (≤ 1000).", DefaultValueFactory = _ => defaults.BatchSize };
        mix = new("--mix") { Description = "Events sent: survey (NPS surveys), peak (every kind, weighted as on a peak-season day, 2% frustrated live chats expecting alerts), frustrated-chat (each a new live chat expecting one alert).", DefaultValueFactory = _ => defaults.Mix switch { EventMixKind.Peak => "peak", EventMixKind.FrustratedChat => "frustrated-chat", _ => "survey" } };
        thresholds = new("--threshold") { Description = $"Pass/fail criterion, repeatable, e.g. \"p99 < 10ms\", \"errors < 0.1%\", \"throughput >= 20000/s\", \"e2e.p99 < 10ms\", \"baseline.ratio >= 50%\". Metrics: {string.Join(", ", Threshold.Metrics)}.", DefaultValueFactory = _ => defaults.Thresholds, AllowMultipleArgumentsPerToken = false };
        model.AcceptOnlyFromAmong("open", "closed");
        profile.AcceptOnlyFromAmong("constant", "ramp", "step", "spike", "peak-day", "file");
        mix.AcceptOnlyFromAmong("survey", "peak", "frustrated-chat");
        batchSize.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 1000) { r.AddError("--batch-size must be between 1 and 1000."); } });
        rate.Validators.Add(r => { if (r.GetValueOrDefault<double>() <= 0) { r.AddError("--rate must be positive."); } });
        customers.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--customers must be at least 1."); } });
        thresholds.Validators.Add(r =>
        {
            foreach (var text in r.GetValueOrDefault<string[]>() ?? [])
            {
                try
                {
                    Threshold.Parse(text);
                }
                catch (FormatException ex)
                {
                    r.AddError(ex.Message);
                }
            }
        });
    }

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { url, token, signingKey, model, profile, rate, toRate, steps, spikeRate, spikeSeconds, profileFile, profileScale, concurrency, seconds, warmup, customers, accounts, zipf, batchSize, mix, baseline, thresholds, thresholdsFile, report, quiet, connections })
        {
            command.Add(option);
        }
    }

    public RunSettings Read(string scenario, ParseResult result)
    {
        var duration = TimeSpan.FromSeconds(result.GetValue(seconds));
        var start = result.GetValue(rate);
        var profileValue = result.GetValue(profile)!;
        var arrival = profileValue switch
        {
            "ramp" => ArrivalProfile.Ramp(start, result.GetValue(toRate) ?? start * 2, duration),
            "step" => ArrivalProfile.Step(start, result.GetValue(toRate) ?? start * 2, Math.Max(1, result.GetValue(steps)), duration),
            "spike" => ArrivalProfile.Spike(start, result.GetValue(spikeRate) ?? start * 3, TimeSpan.FromSeconds(result.GetValue(spikeSeconds)), duration),
            "peak-day" => ArrivalProfile.PeakDay(start, duration),
            "file" => ArrivalProfile.FromFile(result.GetValue(profileFile)?.FullName ?? throw new ArgumentException("--profile file needs --profile-file"), duration, result.GetValue(profileScale)),
            _ => ArrivalProfile.Constant(start, duration),
        };
        var thresholdList = (result.GetValue(thresholds) ?? []).Select(Threshold.Parse).ToList();
        if (result.GetValue(thresholdsFile) is { } file)
        {
            thresholdList.AddRange(Threshold.FromFile(file.FullName));
        }

        var tokenValue = result.GetValue(token) ?? Environment.GetEnvironmentVariable("HEALTHGRID_TOKEN");
        return new RunSettings
        {
            Scenario = scenario,
            Url = result.GetValue(url)!,
            Credentials = tokenValue is { Length: > 0 } ? Credentials.FromToken(tokenValue) : Credentials.FromSigningKey(result.GetValue(signingKey)!),
            Model = result.GetValue(model) == "closed" ? new ClosedModel(Math.Max(1, result.GetValue(concurrency))) : new OpenModel(arrival),
            Duration = duration,
            Warmup = TimeSpan.FromSeconds(result.GetValue(warmup)),
            Customers = result.GetValue(customers),
            Accounts = Math.Max(1, result.GetValue(accounts)),
            Zipf = result.GetValue(zipf),
            BatchSize = result.GetValue(batchSize),
            Mix = result.GetValue(mix) switch { "peak" => EventMixKind.Peak, "frustrated-chat" => EventMixKind.FrustratedChat, _ => EventMixKind.Survey },
            Baseline = result.GetValue(baseline),
            Thresholds = thresholdList,
            ReportFolder = result.GetValue(report)?.FullName ?? Path.Combine("loadtest-reports", $"{scenario}-{DateTime.Now:yyyyMMdd-HHmmss}"),
            Quiet = result.GetValue(quiet),
            Connections = Math.Max(1, result.GetValue(connections)),
        };
    }
}
