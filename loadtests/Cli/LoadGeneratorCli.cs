using System.CommandLine;
using HealthGrid.Api.Auth;
using HealthGrid.LoadTests.Measure;
using HealthGrid.LoadTests.Scenarios;
using HealthGrid.LoadTests.Workloads;

namespace HealthGrid.LoadTests.Cli;

/// <summary>The generator's command line: one command per scenario, each with <c>--help</c> explaining every option.</summary>
public static class LoadGeneratorCli
{
    public static RootCommand Build(TextWriter output)
    {
        var root = new RootCommand("HealthGrid load generator: drives a HealthGrid server (default the local embedded silo) and reports latency, throughput, errors and end-to-end alert delivery.");
        AddScenario(root, output, "ingest", "Single-event ingest: one event per POST /api/v1/events.",
            new ScenarioDefaults(EventMixKind.Survey, 1, 5_000, 10_000, 100, 0, []));
        AddScenario(root, output, "batch", "Batch ingest: --batch-size events per POST /api/v1/events/batch (throughput counts events).",
            new ScenarioDefaults(EventMixKind.Survey, 100, 500, 10_000, 100, 0, []));
        AddScenario(root, output, "live-chat", "Live chat bursts: frustrated customer messages, each in a new live chat; every one must raise exactly one frustration alert at the dashboard client.",
            new ScenarioDefaults(EventMixKind.FrustratedChat, 1, 1_000, 1_000, 10, 0, []));
        AddScenario(root, output, "peak-mix", "A peak-season mix of every event kind over a Zipf-skewed customer base with hot accounts; frustrated live chats are timed to their alerts.",
            new ScenarioDefaults(EventMixKind.Peak, 1, 3_000, 20_000, 200, 1.1, []));
        root.Add(SlaStorm(output));
        root.Add(ConfigChange(output));
        root.Add(Notify(output));
        root.Add(BusyCustomer(output));
        root.Add(Activation(output));
        root.Add(Continuity(output));
        root.Add(Erasure(output));
        root.Add(RabbitMq(output));
        return root;
    }

    private static void AddScenario(RootCommand root, TextWriter output, string name, string description, ScenarioDefaults defaults)
    {
        var options = new ScenarioOptions(defaults);
        var command = new Command(name, description);
        options.AddTo(command);
        command.SetAction((result, cancellation) => ScenarioRun.ExecuteAsync(options.Read(name, result), $"loadtests {string.Join(' ', result.Tokens.Select(t => t.Value))}", output, cancellation));
        root.Add(command);
    }

    private static Option<Uri> Url() => UrlOption.Create();

    private static Option<string> SigningKey() => new("--signing-key") { Description = "The server's HealthGrid:Auth:SigningKey (default: the development key).", DefaultValueFactory = _ => AuthOptions.DevelopmentSigningKey };

    private static Command SlaStorm(TextWriter output)
    {
        var (url, signingKey) = (Url(), SigningKey());
        var cases = new Option<int>("--cases") { Description = "Open cases to create, all due within the window.", DefaultValueFactory = _ => 10_000 };
        var customers = new Option<int>("--customers") { Description = "Customers the cases are spread over.", DefaultValueFactory = _ => 5_000 };
        var lead = new Option<int>("--lead-seconds") { Description = "Seconds from the start until the first deadline (time to create the cases).", DefaultValueFactory = _ => 60 };
        var window = new Option<int>("--window-seconds") { Description = "Seconds over which the deadlines are spread.", DefaultValueFactory = _ => 60 };
        var command = new Command("sla-storm", "An SLA storm: many open cases whose deadlines fall in one window; times each breach alert against its due time and reads the server's fire-delay histogram.")
        {
            url, signingKey, cases, customers, lead, window,
        };
        command.SetAction((result, _) => SlaStormScenario.RunAsync(
            result.GetValue(url)!, Credentials.FromSigningKey(result.GetValue(signingKey)!), result.GetValue(cases), result.GetValue(customers),
            TimeSpan.FromSeconds(result.GetValue(lead)), TimeSpan.FromSeconds(result.GetValue(window)), output));
        return command;
    }

    private static Command Notify(TextWriter output)
    {
        var (url, signingKey) = (Url(), SigningKey());
        var rate = new Option<int>("--rate") { Description = "Frustrated live chats (so alerts) per second.", DefaultValueFactory = _ => 1_000 };
        var seconds = new Option<int>("--seconds") { Description = "How long to send.", DefaultValueFactory = _ => 30 };
        var warmup = new Option<int>("--warmup-seconds") { Description = "The same load first, unmeasured, while the silo compiles its hot paths.", DefaultValueFactory = _ => 15 };
        var emailEvery = new Option<int>("--email-every") { Description = "Every n-th alert is for the e-mail team (webhook and e-mail); 0: none.", DefaultValueFactory = _ => 10 };
        var command = new Command("notify", "Notifications at peak: alerts at --rate/s each sent to a webhook on loopback (every n-th also by e-mail to an SMTP server on loopback); times acceptance → webhook, → e-mail and → dashboard push.")
        {
            url, signingKey, rate, seconds, warmup, emailEvery,
        };
        command.SetAction((result, _) => NotifyScenario.RunAsync(
            result.GetValue(url)!, Credentials.FromSigningKey(result.GetValue(signingKey)!), result.GetValue(rate), result.GetValue(seconds), result.GetValue(warmup), result.GetValue(emailEvery), output));
        return command;
    }

    private static Command ConfigChange(TextWriter output)
    {
        var (url, signingKey) = (Url(), SigningKey());
        var customers = new Option<int>("--customers") { Description = "Active customers, each with an open case the change moves.", DefaultValueFactory = _ => 10_000 };
        var rounds = new Option<int>("--rounds") { Description = "Changes to preview and write (alternately a shorter and the shipped first-response target).", DefaultValueFactory = _ => 3 };
        var command = new Command("config-change", "A configuration change at scale: times the preview and the write of an SLA policy change over many active customers with open cases.")
        {
            url, signingKey, customers, rounds,
        };
        command.SetAction((result, _) => ConfigurationChangeScenario.RunAsync(
            result.GetValue(url)!, Credentials.FromSigningKey(result.GetValue(signingKey)!), result.GetValue(customers), result.GetValue(rounds), output));
        return command;
    }

    private static Command Activation(TextWriter output)
    {
        var (url, signingKey) = (Url(), SigningKey());
        var customers = new Option<int>("--customers") { Description = "Customers to import (each activates its grain).", DefaultValueFactory = _ => 1_000_000 };
        var chunk = new Option<int>("--chunk") { Description = "Customers per import request (the import body limit is 64 MB).", DefaultValueFactory = _ => 50_000 };
        var probes = new Option<int>("--probes") { Description = "Reads and events timed afterwards, to check the server still answers.", DefaultValueFactory = _ => 200 };
        var command = new Command("activation", "Memory at scale: activates many customers on the server, reports memory per customer from the server's metrics, then times reads and events.")
        {
            url, signingKey, customers, chunk, probes,
        };
        command.SetAction((result, _) => ActivationScenario.RunAsync(
            result.GetValue(url)!, Credentials.FromSigningKey(result.GetValue(signingKey)!), result.GetValue(customers), Math.Max(1, result.GetValue(chunk)), result.GetValue(probes), output));
        return command;
    }

    private static Command Continuity(TextWriter output)
    {
        var (url, signingKey) = (Url(), SigningKey());
        var customers = new Option<int>("--customers") { Description = "Customers depending on the disrupted site (imported for the run).", DefaultValueFactory = _ => 100_000 };
        var chunk = new Option<int>("--chunk") { Description = "Customers per import request.", DefaultValueFactory = _ => 50_000 };
        var maxSeconds = new Option<double>("--max-seconds") { Description = "Fail (exit code 1) when the run takes longer, as the server reports it.", DefaultValueFactory = _ => 5 };
        var command = new Command("continuity", "A continuity run at scale: many customers on one disrupted site; times the run to its stored result, reports the server's memory and the CSV export.")
        {
            url, signingKey, customers, chunk, maxSeconds,
        };
        command.SetAction((result, _) => ContinuityRunScenario.RunAsync(
            result.GetValue(url)!, Credentials.FromSigningKey(result.GetValue(signingKey)!), Math.Max(1, result.GetValue(customers)), Math.Max(1, result.GetValue(chunk)),
            result.GetValue(maxSeconds), output));
        return command;
    }

    private static Command Erasure(TextWriter output)
    {
        var (url, signingKey) = (Url(), SigningKey());
        var customers = new Option<int>("--customers") { Description = "Customers to fill and then erase, one after another.", DefaultValueFactory = _ => 5 };
        var events = new Option<int>("--events") { Description = "Events each customer carries before it is erased.", DefaultValueFactory = _ => 10_000 };
        var command = new Command("erasure", "Customers with a long history of every kind of event, then erased one by one; times each DELETE /api/v1/customers/{id}.")
        {
            url, signingKey, customers, events,
        };
        command.SetAction((result, _) => ErasureScenario.RunAsync(
            result.GetValue(url)!, Credentials.FromSigningKey(result.GetValue(signingKey)!), result.GetValue(customers), result.GetValue(events), output));
        return command;
    }

    private static Command RabbitMq(TextWriter output)
    {
        var (url, signingKey) = (Url(), SigningKey());
        var amqp = new Option<Uri>("--amqp")
        {
            Description = "The broker, with credentials HealthGrid's connector will use too: amqp://user:password@host:port/vhost.",
            DefaultValueFactory = _ => new Uri("amqp://guest:guest@127.0.0.1:5672/"),
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps")
                {
                    return uri;
                }

                result.AddError($"--amqp must be an amqp(s)://user:password@host:port/vhost URL, not '{text}'.");
                return null;
            },
        };
        var customers = new Option<int>("--customers") { Description = "Customers the events go to (created for the run).", DefaultValueFactory = _ => 1_000 };
        var backlog = new Option<int>("--backlog") { Description = "Messages published before the connector consumes: the drain measures the sustained consumption rate.", DefaultValueFactory = _ => 100_000 };
        var rate = new Option<double>("--rate") { Description = "Messages per second published in the fixed-rate phase.", DefaultValueFactory = _ => 5_000 };
        var seconds = new Option<int>("--seconds") { Description = "How long the fixed-rate phase publishes.", DefaultValueFactory = _ => 30 };
        var httpSeconds = new Option<int>("--http-seconds") { Description = "How long HTTP batch ingest runs first, for the rate to compare with.", DefaultValueFactory = _ => 20 };
        var warmup = new Option<int>("--warmup-seconds") { Description = "HTTP batch ingest before that, unmeasured, while the silo compiles its hot paths.", DefaultValueFactory = _ => 15 };
        var command = new Command("rabbitmq", "Ingest from a RabbitMQ queue against HTTP batch ingest in the same run: a backlog's drain rate, then a fixed publish rate with publish → alert latency and the broker's lag; every message must be applied exactly once.")
        {
            url, signingKey, amqp, customers, backlog, rate, seconds, httpSeconds, warmup,
        };
        command.SetAction((result, _) => RabbitMqScenario.RunAsync(
            result.GetValue(url)!, Credentials.FromSigningKey(result.GetValue(signingKey)!), result.GetValue(amqp)!, result.GetValue(customers), result.GetValue(backlog),
            result.GetValue(rate), result.GetValue(seconds), result.GetValue(httpSeconds), result.GetValue(warmup), output));
        return command;
    }

    private static Command BusyCustomer(TextWriter output)
    {
        var (url, signingKey) = (Url(), SigningKey());
        var cases = new Option<int>("--cases") { Description = "Open cases the one customer carries.", DefaultValueFactory = _ => 1_000 };
        var rate = new Option<double>("--rate") { Description = "Case updates per second (open model).", DefaultValueFactory = _ => 200 };
        var seconds = new Option<int>("--seconds") { Description = "How long to send updates.", DefaultValueFactory = _ => 20 };
        var command = new Command("busy-customer", "One customer with many open cases receiving a steady stream of case updates; times each update's 202.")
        {
            url, signingKey, cases, rate, seconds,
        };
        command.SetAction((result, _) => BusyCustomerScenario.RunAsync(
            result.GetValue(url)!, Credentials.FromSigningKey(result.GetValue(signingKey)!), result.GetValue(cases), result.GetValue(rate),
            TimeSpan.FromSeconds(result.GetValue(seconds)), output));
        return command;
    }
}
